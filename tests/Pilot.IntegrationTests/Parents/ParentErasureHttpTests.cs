using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared.Parents.Erasure;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Parents;

/// <summary>DELETE /api/parents/{id} over HTTP through the local runner.</summary>
public sealed class ParentErasureHttpTests
{
    [Fact]
    public async Task Delete_answers_204_cancels_the_pending_reminders_and_404_for_an_unknown_or_already_erased_parent()
    {
        await using var runner = await LocalRunnerHost.StartAsync("erase");
        using var http = LocalRunnerHost.Client(runner, RoleKeys.Office(RoleKeys.Lambeth));
        var parent = await http.PostAsJsonAsync("parents", new
        {
            firstName = "Zephyrine",
            mobile = "07700 900417",
            address = new { lines = new[] { "17 Marigoldhaven Lane", "Quillbury" }, postcode = "SW9 9QZ" },
            preferredLanguage = "en",
            consents = new { reminders = true },
        });
        Assert.Equal(HttpStatusCode.Created, parent.StatusCode);
        var parentId = (await parent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var startsAt = Pilot.IntegrationTests.WfiInvitations.WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddDays(3)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var booked = await http.PostAsJsonAsync("appointments", new { parentId, venueId = "cc-lambeth-stockwell", startsAt, kind = "wfi", adviserName = "Priya S." });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointmentId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var erased = await http.DeleteAsync($"parents/{parentId}");
        var again = await http.DeleteAsync($"parents/{parentId}");
        var unknown = await http.DeleteAsync("parents/nobody");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"parents/{parentId}/matches")).StatusCode);
        var view = await http.GetFromJsonAsync<JsonElement>($"appointments/{appointmentId}");
        Assert.StartsWith("erased-", view.GetProperty("parentId").GetString(), StringComparison.Ordinal);
        var texts = view.GetProperty("texts").EnumerateArray().ToList();
        Assert.DoesNotContain(texts, t => t.GetProperty("state").GetString() is "scheduled" or "queued");
        Assert.Contains(texts, t => t.GetProperty("kind").GetString() != "confirmation"
            && t.GetProperty("cancelReason").GetString() == ParentErasure.CancelReason);
    }
}
