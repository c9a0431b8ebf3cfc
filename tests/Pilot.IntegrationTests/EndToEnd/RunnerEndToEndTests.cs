using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.EndToEnd;

/// <summary>The product as a user meets it: HTTP in, the runner's queue listener, the outbox, HTTP out.</summary>
public sealed class RunnerEndToEndTests
{
    [Fact]
    public async Task A_booking_over_http_gets_its_confirmation_into_the_outbox_and_delivered()
    {
        await using var runner = await StartRunnerAsync();
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Office(RoleKeys.Lambeth));

        var parent = await http.PostAsJsonAsync("parents", new
        {
            firstName = "Amina",
            mobile = "07700 900123",
            address = new { lines = new[] { "12 Stockwell Road", "London" }, postcode = "SW9 9TN" },
            preferredLanguage = "en",
            consents = new { reminders = true },
        });
        Assert.Equal(HttpStatusCode.Created, parent.StatusCode);
        var parentId = (await parent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var startsAt = Pilot.IntegrationTests.WfiInvitations.WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddHours(3)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var booked = await http.PostAsJsonAsync("appointments", new { parentId, venueId = "cc-lambeth-stockwell", startsAt, kind = "wfi", adviserName = "Priya S." });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var id = booking.GetProperty("id").GetString();
        Assert.Equal("confirmation", booking.GetProperty("reminders")[0].GetProperty("kind").GetString());

        var confirmation = await WaitForAsync(async () =>
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"appointments/{id}");
            var text = view.GetProperty("texts").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "confirmation");
            return text.GetProperty("state").GetString() == "delivered" ? text : (JsonElement?)null;
        });

        Assert.Equal("outbox", confirmation.GetProperty("provider").GetString());
        var outbox = await Outbox.AllAsync(runner.Services.GetRequiredService<Pilot.Shared.Storage.StorageClients>());
        var sent = Assert.Single(outbox);
        Assert.Equal("+447700900123", sent.GetString("To"));
        Assert.Contains("Amina", sent.GetString("Body"), StringComparison.Ordinal);
        Assert.Equal(1, sent.GetInt32("Fragments"));
        var leaks = TestLog.Lines.Where(line => line.Contains("7700900123", StringComparison.Ordinal) || line.Contains("7700 900123", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "unmasked number in the logs: " + string.Join("\n", leaks.Take(5)));
    }

    [Fact]
    public async Task Bad_requests_get_a_problem_naming_the_field_and_unknown_ids_a_404()
    {
        await using var runner = await StartRunnerAsync();
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Office(RoleKeys.Lambeth));

        var badMobile = await http.PostAsJsonAsync("parents", new
        {
            firstName = "Amina",
            mobile = "020 7946 0123",
            address = new { lines = new[] { "12 Stockwell Road" }, postcode = "SW9 9TN" },
            consents = new { reminders = true },
        });
        var malformed = await http.PostAsync("appointments", new StringContent("{\"parentId\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await http.PostAsync("appointments", new StringContent("{\"parentId\": 12}", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await http.GetAsync("appointments/nope");
        var extraField = await http.PostAsync("appointments/nope/reschedule", new StringContent("{\"startsAt\": \"2030-01-01T10:00:00Z\", \"colour\": \"red\"}", System.Text.Encoding.UTF8, "application/json"));
        var unknownPostcode = await http.PostAsJsonAsync("parents", new
        {
            firstName = "Amina",
            mobile = "07700 900123",
            address = new { lines = new[] { "12 Stockwell Road" }, postcode = "ZZ9 9ZZ" },
            consents = new { reminders = true },
        });

        Assert.Equal(HttpStatusCode.BadRequest, badMobile.StatusCode);
        Assert.Equal("application/problem+json", badMobile.Content.Headers.ContentType?.MediaType);
        Assert.True((await badMobile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("mobile", out _));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("parentId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, extraField.StatusCode);
        Assert.True((await extraField.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("colour", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownPostcode.StatusCode);
        Assert.True((await unknownPostcode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("address.postcode", out _));
    }

    private static Task<WebApplication> StartRunnerAsync() => LocalRunnerHost.StartAsync("e2e");

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the confirmation was not delivered within 30 s");
    }
}
