using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Vacancies;

/// <summary>The vacancy endpoints over HTTP through the local runner: contracts and 400s naming the field.</summary>
public sealed class VacancyHttpTests
{
    [Fact]
    public async Task Post_vacancies_answers_202_with_a_verdict_per_item_and_400_for_a_body_that_is_no_batch()
    {
        await using var runner = await LocalRunnerHost.StartAsync("vhttp");
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Feed);
        var batch = new { vacancies = new object[] { VacancyScenario.Vacancy("H-1"), VacancyScenario.Vacancy("H-2", postcode: "not a postcode") } };

        var accepted = await http.PostAsJsonAsync("vacancies", batch, JsonDefaults.Web);
        var notABatch = await http.PostAsync("vacancies", new StringContent("""{"vacancies":"H-1"}""", Encoding.UTF8, "application/json"));
        var csv = await http.PostAsync("vacancies", new StringContent("ref,title\nC-1,Cook\n", Encoding.UTF8, "text/csv"));
        var badColumn = await http.PostAsync("vacancies", new StringContent("ref,colour\nC-1,blue\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var result = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, result.RootElement.GetProperty("accepted").GetInt32());
        var items = result.RootElement.GetProperty("items");
        Assert.Equal("accepted", items[0].GetProperty("status").GetString());
        Assert.Equal("H-2", items[1].GetProperty("ref").GetString());
        Assert.Equal(1, items[1].GetProperty("index").GetInt32());
        Assert.Equal("rejected", items[1].GetProperty("status").GetString());
        Assert.True(items[1].GetProperty("errors").TryGetProperty("postcode", out _));

        await AssertProblemAsync(notABatch, "vacancies");
        Assert.Equal(HttpStatusCode.Accepted, csv.StatusCode);
        using var csvResult = JsonDocument.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Equal("rejected", csvResult.RootElement.GetProperty("items")[0].GetProperty("status").GetString());
        await AssertProblemAsync(badColumn, "colour");
    }

    [Fact]
    public async Task A_parent_with_a_job_search_gets_ranked_matches_and_a_bad_window_is_a_400_naming_it()
    {
        await using var runner = await LocalRunnerHost.StartAsync("mhttp");
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Office(RoleKeys.Lambeth));
        using var feed = LocalRunnerHost.Client(runner, RoleKeys.Feed);
        var good = VacancyScenario.Request();
        var bad = VacancyScenario.Request(from: "09:10");

        var created = await http.PostAsJsonAsync("parents", good, JsonDefaults.Web);
        var refused = await http.PostAsJsonAsync("parents", bad, JsonDefaults.Web);
        // The runner keeps real time: the vacancy closes in ten days.
        var expiry = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var batch = new { vacancies = new object[] { VacancyScenario.Vacancy("M-1", expiryDate: expiry) } };
        Assert.Equal(HttpStatusCode.Accepted, (await feed.PostAsJsonAsync("vacancies", batch, JsonDefaults.Web)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertProblemAsync(refused, "availability[0].from");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var matches = await http.GetFromJsonAsync<JsonElement>($"parents/{id}/matches");
        var match = Assert.Single(matches.GetProperty("matches").EnumerateArray());
        Assert.Equal("M-1", match.GetProperty("ref").GetString());
        Assert.Equal("Teaching assistant", match.GetProperty("title").GetString());
        Assert.Equal(1.3, match.GetProperty("distanceKm").GetDouble());
        Assert.StartsWith("1.3 km by bus, Mon-Fri 9:30-2:30", match.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("parents/nobody/matches")).StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

}
