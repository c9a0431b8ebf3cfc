using System.Net;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>A choice link's token is a bearer credential: the runner's request log shows the invitation reference only.</summary>
public sealed class ChoiceLinkLoggingTests
{
    [Fact]
    public async Task The_request_log_shows_the_reference_never_the_token_even_with_aspnet_core_request_logging_on()
    {
        var signature = Guid.NewGuid().ToString("N")[..22];
        var token = $"WFI-LOG123.{DateTimeOffset.UtcNow.AddDays(5).ToUnixTimeSeconds()}.{signature}";
        var settings = WfiScenario.Settings();
        // An operator turning ASP.NET Core's own request lines on must not bring the token back.
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
        settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        await using var runner = await LocalRunnerHost.StartAsync("choicelog", settings);
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey); // the page is anonymous; the key changes nothing

        var page = await http.GetAsync($"c/{token}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode); // not a genuine link; the path is logged all the same
        // The runner logs the call once the worker's invocation has answered, which can be just after the caller has its page.
        const string logged = "Executed 'WfiChoicePage' (Succeeded, GET /api/c/WFI-LOG123.… -> 400";
        for (var wait = 0; wait < 100 && !TestLog.Lines.Any(l => l.Contains(logged, StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(TestLog.Lines, l => l.Contains(logged, StringComparison.Ordinal));
        Assert.DoesNotContain(TestLog.Lines, l => l.Contains(signature, StringComparison.Ordinal));
    }
}
