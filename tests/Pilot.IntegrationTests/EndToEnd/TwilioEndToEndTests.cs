using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.ProviderSimulators;
using Pilot.ProviderSimulators.Faults;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.EndToEnd;

/// <summary>
/// The whole SMS path with Twilio: booking over HTTP, the queue function, the real Twilio gateway to
/// the simulator, and the simulator's signed status callbacks back into the runner.
/// </summary>
public sealed class TwilioEndToEndTests
{
    private const string Sid = "AC00000000000000000000000000000e2e";
    private const string Token = "e2e-twilio-token";

    [Fact]
    public async Task A_twilio_answer_lost_after_acceptance_is_not_resent_and_the_status_callback_settles_it()
    {
        await using var simulator = await ProviderSimulator.StartAsync(new SimulatorOptions(Sid, Token, Convert.ToBase64String("e2e-acs-key"u8.ToArray())));
        var port = FreePort();
        await using var runner = await StartRunnerAsync(simulator, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/") };
        http.DefaultRequestHeaders.Add("x-functions-key", RoleKeys.Office(RoleKeys.Lambeth));
        simulator.Twilio.Faults.Enqueue(Fault.AcceptThenDrop());

        var parent = await http.PostAsJsonAsync("parents", new
        {
            firstName = "Amina",
            mobile = "07700 900123",
            address = new { lines = new[] { "12 Stockwell Road", "London" }, postcode = "SW9 9TN" },
            consents = new { reminders = true },
        });
        var parentId = (await parent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var startsAt = Pilot.IntegrationTests.WfiInvitations.WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddHours(3)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var booked = await http.PostAsJsonAsync("appointments", new { parentId, venueId = "cc-lambeth-stockwell", startsAt, kind = "wfi" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        JsonElement? confirmation = null;
        for (var i = 0; i < 150 && confirmation is null; i++)
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"appointments/{id}");
            var text = view.GetProperty("texts").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "confirmation");
            confirmation = text.GetProperty("state").GetString() == "delivered" ? text : null;
            await Task.Delay(200);
        }

        Assert.NotNull(confirmation);
        Assert.Equal("twilio", confirmation.Value.GetProperty("provider").GetString());
        Assert.Single(simulator.Twilio.Accepted);
        Assert.Single(simulator.Twilio.Requests.Snapshot(), r => r.Method == "POST");
        Assert.Contains(TestLog.Lines, l => l.Contains("may have accepted it", StringComparison.Ordinal));
    }

    private static Task<WebApplication> StartRunnerAsync(ProviderSimulator simulator, int port) => LocalRunnerHost.StartAsync(
        "tw",
        new Dictionary<string, string?>
        {
            ["LocalRunner:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Sms:Providers"] = "twilio",
            ["Sms:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Sms:Twilio:AccountSid"] = Sid,
            ["Sms:Twilio:AuthToken"] = Token,
            ["Sms:Twilio:From"] = "+447700900000",
            ["Sms:Twilio:ApiBaseUrl"] = simulator.BaseUri.ToString(),
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
