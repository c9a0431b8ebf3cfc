using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared;
using Pilot.Shared.Storage;
using Pilot.Shared.Venues;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.EndToEnd;

/// <summary>
/// A first deployment: the runner starts with <c>Demo:Seed</c> off and no venues, an operator loads them over HTTP
/// (one PUT, one CSV), and only then can an office book, invite and text.
/// </summary>
public sealed class VenueLoadingEndToEndTests
{
    private const string VenuesCsv =
        "id,kind,name,localAuthority,site,hubId,addressLine1,addressLine2,postcode,phone,openingTimes,openingHours,creche,childFriendlyRoom\r\n"
        + "cc-lambeth-stockwell,centre,Stockwell Children's Centre,Lambeth,hub,,\"Stockwell Park Crescent, Unit 4\",London,SW9 9SL,020 7946 0201,Mon-Fri 08:00-18:00,,yes,yes\r\n"
        + "cc-lambeth-brixton-hill,centre,Brixton Hill Outreach Site,Lambeth,outreach,cc-lambeth-stockwell,New Park Road,London,SW2 1RW,020 7946 0203,\"Tue, Thu, Fri 09:00-16:00\",,yes,no\r\n"
        + "cc-lambeth-nowhere,centre,Nowhere Centre,Lambeth,outreach,cc-lambeth-missing,1 Road,London,ZZ9 9ZZ,020 7946 0204,Mon-Fri 09:00-17:00,,no,no\r\n";

    [Fact]
    public async Task A_fresh_deployment_loads_its_venues_over_http_then_books_invites_and_texts_with_them()
    {
        var settings = WfiScenario.Settings();
        settings["Demo:Seed"] = "false";
        await using var runner = await LocalRunnerHost.StartAsync("fresh", settings, loadVenues: false);
        using var operatorHttp = LocalRunnerHost.Client(runner, RoleKeys.Operator);
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);

        Assert.Empty(await operatorHttp.GetFromJsonAsync<JsonElement[]>("venues") ?? []);

        var office = new
        {
            kind = "jobcentre",
            name = "Brixton Jobcentre Plus",
            localAuthority = "Lambeth",
            addressLines = new[] { "246 Stockwell Road", "London" },
            postcode = "SW9 8QQ",
            phone = "020 7946 0209",
            openingTimes = new object[]
            {
                new { days = new[] { "Mon", "Tue", "Thu", "Fri" }, from = "09:00", to = "17:00" },
                new { days = new[] { "Wed" }, from = "10:00", to = "17:00" },
            },
            openingHours = "Mon-Fri 09:00-17:00 (Wed from 10:00)",
        };
        var created = await operatorHttp.PutAsJsonAsync("venues/jcp-lambeth", office);
        var replaced = await operatorHttp.PutAsJsonAsync("venues/jcp-lambeth", office);
        var loaded = await operatorHttp.PostAsync("venues", new StringContent(VenuesCsv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, (await http.PutAsJsonAsync("venues/jcp-lambeth", office)).StatusCode); // an office key cannot
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var answer = await Json(loaded);
        Assert.Equal([2, 3], answer.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("line").GetInt32()));
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal(4, rejected.GetProperty("line").GetInt32());
        Assert.True(rejected.GetProperty("errors").TryGetProperty("postcode", out _));
        Assert.True(rejected.GetProperty("errors").TryGetProperty("hubId", out _));

        var venues = (await operatorHttp.GetFromJsonAsync<JsonElement[]>("venues"))!;
        Assert.Equal(["cc-lambeth-brixton-hill", "cc-lambeth-stockwell", "jcp-lambeth"], venues.Select(v => v.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        var stockwell = venues.Single(v => v.GetProperty("id").GetString() == "cc-lambeth-stockwell");
        Assert.Equal("Mon-Fri 08:00-18:00", stockwell.GetProperty("openingHours").GetString());
        Assert.Equal("08:00", stockwell.GetProperty("openingTimes")[0].GetProperty("from").GetString());
        Assert.False(stockwell.GetProperty("retired").GetBoolean());

        // Book at the centre loaded from the CSV: refused when it is closed, booked when it is open.
        var parent = await http.PostAsJsonAsync("parents", new
        {
            firstName = "Amina",
            mobile = "07700 900123",
            address = new { lines = new[] { "12 Stockwell Road", "London" }, postcode = "SW9 9TN" },
            preferredLanguage = "en",
            consents = new { reminders = true },
        });
        var parentId = (await Json(parent)).GetProperty("id").GetString()!;
        var open = WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddHours(3));
        var sunday = open.AddDays(7 - (int)open.DayOfWeek);
        var closed = await http.PostAsJsonAsync("appointments", new { parentId, venueId = Scenario.Centre, startsAt = sunday.ToString("O", System.Globalization.CultureInfo.InvariantCulture), kind = "adviser" });
        var booked = await http.PostAsJsonAsync("appointments", new { parentId, venueId = Scenario.Centre, startsAt = open.ToString("O", System.Globalization.CultureInfo.InvariantCulture), kind = "adviser" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.True((await Json(closed)).GetProperty("errors").TryGetProperty("startsAt", out _));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        // Invite with the office loaded by PUT and the centre loaded by CSV.
        var invitation = new HttpRequestMessage(HttpMethod.Post, "wfi-invitations") { Content = JsonContent.Create(WfiScenario.Request(parentId, DateTimeOffset.UtcNow), options: JsonDefaults.Web) };
        invitation.Headers.Add("x-functions-key", WfiScenario.LambethKey);
        var invited = await http.SendAsync(invitation);
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);

        // Both texts reach the outbox: the booking's confirmation names the centre's phone from the CSV.
        var texts = await WaitForOutboxAsync(runner, 2);
        Assert.Contains(texts, t => t.Contains("020 7946 0201", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("letter", StringComparison.Ordinal));

        // Retired: still listed (past bookings name it), but no new booking there.
        var retired = await operatorHttp.DeleteAsync("venues/cc-lambeth-brixton-hill");
        var unknown = await operatorHttp.DeleteAsync("venues/cc-nowhere");
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.True((await Json(retired)).GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var atRetired = await http.PostAsJsonAsync("appointments", new
        {
            parentId,
            venueId = "cc-lambeth-brixton-hill",
            startsAt = WfiScenario.OpenFrom("cc-lambeth-brixton-hill", DateTimeOffset.UtcNow.AddDays(1)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            kind = "adviser",
        });
        Assert.Equal(HttpStatusCode.BadRequest, atRetired.StatusCode);
        Assert.True((await Json(atRetired)).GetProperty("errors").TryGetProperty("venueId", out _));
        var listed = (await operatorHttp.GetFromJsonAsync<JsonElement[]>("venues"))!.Single(v => v.GetProperty("id").GetString() == "cc-lambeth-brixton-hill");
        Assert.True(listed.GetProperty("retired").GetBoolean());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("retiredAt").ValueKind);
    }

    private static async Task<List<string>> WaitForOutboxAsync(WebApplication runner, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var bodies = (await Outbox.AllAsync(runner.Services.GetRequiredService<StorageClients>())).Select(e => e.GetString("Body")).ToList();
            if (bodies.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                Assert.True(bodies.Count >= count, $"only {bodies.Count} text(s) in the outbox after 60 s");
                return bodies;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
