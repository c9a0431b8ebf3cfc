using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.IntegrationTests.Vacancies;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Validation;

/// <summary>
/// Valid but extreme dates through the local runner: each is a 400 naming its field (or, in a bulk
/// file or a vacancy batch, that row or item rejected naming it), never a 500 from overflowing date arithmetic.
/// </summary>
public sealed class ExtremeDateTests
{
    private static readonly string[] ExtremeDates = ["9999-12-31", "0001-01-01", "2019-12-31"];

    private static readonly string[] ExtremeInstants =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+14:00", "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-12:00",
    ];

    [Fact]
    public async Task A_reply_date_years_away_is_refused_naming_respondBy()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var parent = await RegisterAsync(runner);
        var valid = WfiScenario.Request(parent, DateTimeOffset.UtcNow);

        foreach (var respondBy in ExtremeDates.Append(RespondByDate.Text(RespondByDate.LondonDate(DateTimeOffset.UtcNow).AddYears(3))))
        {
            var response = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, valid with { RespondBy = respondBy }));
            await AssertRefusedAsync(response, "respondBy", respondBy);
        }
    }

    [Fact]
    public async Task Invitation_options_at_extreme_instants_are_refused_naming_the_option()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var parent = await RegisterAsync(runner);
        var valid = WfiScenario.Request(parent, DateTimeOffset.UtcNow);

        foreach (var instant in ExtremeInstants)
        {
            var request = valid with { Options = valid.Options! with { Centre = valid.Options.Centre! with { StartsAt = instant } } };
            await AssertRefusedAsync(await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, request)), "options.centre.startsAt", instant);
        }
    }

    [Fact]
    public async Task A_bulk_row_with_an_extreme_date_is_rejected_naming_its_column_and_the_rows_after_it_are_still_sent()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var parent = await RegisterAsync(runner);
        var now = DateTimeOffset.UtcNow;
        var csv = new StringBuilder().Append("parentId,jobcentreStartsAt,centreStartsAt,respondBy\r\n");
        var line = 2;
        var expected = new Dictionary<int, string>();
        foreach (var (respondBy, jobcentre, column) in new[]
        {
            ("9999-12-31", (string?)null, "respondBy"),
            ("0001-01-01", null, "respondBy"),
            (null, "9999-12-31T23:59:59+14:00", "jobcentreStartsAt"),
            (null, "0001-01-01T00:00:00-12:00", "jobcentreStartsAt"),
        })
        {
            csv.Append(Row(parent, now, line, jobcentre, respondBy));
            expected[line++] = column;

            // A good row after each bad one: it is still sent.
            csv.Append(Row(parent, now, line++, null, null));
        }

        var response = await http.SendAsync(PostCsv("wfi-invitations/bulk", WfiScenario.LambethKey, csv.ToString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([3, 5, 7, 9], result.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("line").GetInt32()));
        var rejected = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("errors"));
        Assert.Equal(expected.Keys.Order(), rejected.Keys.Order());
        Assert.All(expected, e => Assert.True(rejected[e.Key].TryGetProperty(e.Value, out _), $"line {e.Key}: {rejected[e.Key]}"));
    }

    [Fact]
    public async Task Take_up_figures_outside_2020_to_two_years_ahead_are_refused_naming_from_or_to()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var today = RespondByDate.LondonDate(DateTimeOffset.UtcNow);
        var tooLate = RespondByDate.Text(today.AddYears(2).AddDays(1));

        await AssertRefusedAsync(await http.SendAsync(Get("mi/wfi?from=0001-01-01&to=2026-01-01", WfiScenario.CentralKey)), "from", "0001-01-01");
        await AssertRefusedAsync(await http.SendAsync(Get("mi/wfi?from=2019-12-31&to=2026-01-01", WfiScenario.CentralKey)), "from", "2019-12-31");
        await AssertRefusedAsync(await http.SendAsync(Get("mi/wfi?from=2020-01-01&to=9999-12-31", WfiScenario.CentralKey)), "to", "9999-12-31");
        await AssertRefusedAsync(await http.SendAsync(Get($"mi/wfi?from=2020-01-01&to={tooLate}", WfiScenario.CentralKey)), "to", tooLate);
        var widest = await http.SendAsync(Get($"mi/wfi?from=2020-01-01&to={RespondByDate.Text(today.AddYears(2))}", WfiScenario.CentralKey));
        Assert.Equal(HttpStatusCode.OK, widest.StatusCode);
    }

    [Fact]
    public async Task Sms_costs_for_a_day_years_away_are_refused_naming_the_date()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Central);
        var today = RespondByDate.LondonDate(DateTimeOffset.UtcNow);

        foreach (var date in ExtremeDates.Append(RespondByDate.Text(today.AddYears(-3))))
        {
            await AssertRefusedAsync(await http.GetAsync($"sms/costs/{date}"), "date", date);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"sms/costs/{RespondByDate.Text(today.AddYears(-2))}")).StatusCode);
    }

    [Fact]
    public async Task Appointments_booked_or_moved_to_extreme_instants_are_refused_naming_startsAt()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var parent = await RegisterAsync(runner);
        var booked = await runner.Services.GetRequiredService<AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
            new BookAppointmentRequest(parent, Scenario.Centre, WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddDays(30)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), "wfi", "Priya S."),
            CancellationToken.None);

        foreach (var instant in ExtremeInstants)
        {
            var book = await http.PostAsJsonAsync("appointments", new BookAppointmentRequest(parent, Scenario.Centre, instant, "wfi", "Priya S."), JsonDefaults.Web);
            var move = await http.PostAsJsonAsync($"appointments/{booked.Value!.Id}/reschedule", new RescheduleAppointmentRequest(instant), JsonDefaults.Web);
            await AssertRefusedAsync(book, "startsAt", instant);
            await AssertRefusedAsync(move, "startsAt", instant);
        }
    }

    [Fact]
    public async Task A_vacancy_expiring_years_away_is_rejected_naming_expiryDate()
    {
        await using var runner = await StartAsync();
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Feed);
        var batch = new { vacancies = ExtremeDates.Select((d, i) => VacancyScenario.Vacancy($"X-{i}", expiryDate: d)).ToArray() };

        var response = await http.PostAsJsonAsync("vacancies", batch, JsonDefaults.Web);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ExtremeDates.Length, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("rejected", i.GetProperty("status").GetString());
            Assert.True(i.GetProperty("errors").TryGetProperty("expiryDate", out _), i.ToString());
        });
    }

    private static Task<WebApplication> StartAsync() => LocalRunnerHost.StartAsync("dates", WfiScenario.Settings());

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string value)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{value}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{value}: {body}");
    }

    private static string Row(string parent, DateTimeOffset now, int line, string? jobcentre, string? respondBy)
    {
        // Each row offers its own times: the same invitation twice is refused.
        var day = WfiScenario.OpenFrom(WfiScenario.Lambeth, new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, TimeSpan.Zero).AddDays(8)).AddMinutes(line);
        var centre = WfiScenario.OpenFrom(Scenario.Centre, day.AddDays(1));
        return string.Join(',', parent, jobcentre ?? day.ToString("O", CultureInfo.InvariantCulture), centre.ToString("O", CultureInfo.InvariantCulture), respondBy ?? RespondByDate.Text(RespondByDate.LondonDate(now.AddDays(5)))) + "\r\n";
    }

    private static async Task<string> RegisterAsync(WebApplication runner)
    {
        var outcome = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)) { LastName = "Okafor" },
            CancellationToken.None);
        return outcome.Value!.Id;
    }

    private static HttpRequestMessage Post(string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: JsonDefaults.Web) };
        request.Headers.Add("x-functions-key", key);
        return request;
    }

    private static HttpRequestMessage PostCsv(string path, string key, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add("x-functions-key", key);
        return request;
    }

    private static HttpRequestMessage Get(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", key);
        return request;
    }
}
