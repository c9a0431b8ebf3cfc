using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.EndToEnd;

/// <summary>
/// The local runner hosting the real Functions app on Azurite for one test: its own tables and send
/// queue, the pilot venues, every role's development key (<see cref="RoleKeys"/>), logs captured, and no quiet hours (so tests pass at any hour; the
/// planner's tests cover quiet hours).
/// </summary>
public static class LocalRunnerHost
{
    /// <summary>A client for the runner's <c>/api/</c> that sends one role's key (<see cref="RoleKeys"/>).</summary>
    public static HttpClient Client(WebApplication runner, string key)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var client = new HttpClient { BaseAddress = new Uri(runner.Urls.Single() + "/api/") };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    /// <param name="loadVenues">False to start with no venues at all, as a fresh deployment does.</param>
    public static async Task<WebApplication> StartAsync(string name, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, bool loadVenues = true)
    {
        await Azurite.EnsureReachableAsync();
        var all = new Dictionary<string, string?>(RoleKeys.Settings())
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = Azurite.UniqueName(name),
            ["Reminders:SendQueue"] = Azurite.UniqueName(name + "-send-"),
            ["Reminders:DispatchSchedule"] = "*/5 * * * * *",
            ["Retention:Schedule"] = "0 30 2 * * *",
            ["Wfi:LetterQueue"] = Azurite.UniqueName(name + "-wfi-"),
            ["Wfi:DefaultSchedule"] = "0 0 0 1 1 *",
            ["Vacancies:FeedQueue"] = Azurite.UniqueName(name + "-feed-"),
            ["LocalRunner:Port"] = "0",
            ["Sms:QuietHoursStart"] = "00:00",
            ["Sms:QuietHoursEnd"] = "00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var builder = LocalRunnerApp.CreateBuilder([], settings: all);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(TestLog.Provider);
        configure?.Invoke(builder);
        var app = LocalRunnerApp.Build(builder);
        if (loadVenues)
        {
            await PilotServices.LoadPilotVenuesAsync(app.Services);
        }

        await app.StartAsync();
        return app;
    }
}
