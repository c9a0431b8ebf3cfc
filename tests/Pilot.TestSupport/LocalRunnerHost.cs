using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner;
using Pilot.Shared.DemoData;
using Pilot.Shared.Venues;

namespace Pilot.TestSupport;

/// <summary>
/// The local runner for one test, on Azurite, logs captured (<see cref="TestLog"/>), HTTP on a free loopback port
/// (<c>runner.Urls.Single()</c>). <see cref="StartAsync"/> runs the app as it ships: the runner hosts the worker process
/// from the src/Functions build output over the Functions host protocol. The runner's own services (<c>runner.Services</c>)
/// are the app's services over the same settings, for a test to set up or read state; a service replaced there does
/// not reach the worker, so a test that must swap one uses <see cref="StartInProcessAsync"/>.
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

    /// <summary>
    /// The app's worker (src/Functions build output) behind the runner, with its own tables and queues, the pilot venues,
    /// every role's development key and no quiet hours (so tests pass at any hour; the planner's tests cover quiet hours).
    /// </summary>
    /// <param name="loadVenues">False to start with no venues at all, as a fresh deployment does.</param>
    public static Task<WebApplication> StartAsync(string name, IReadOnlyDictionary<string, string?>? settings = null, bool loadVenues = true) =>
        StartAsync(TestSettings(name, settings, "worker"), configure: null, loadVenues);

    /// <summary>
    /// As <see cref="StartAsync"/>, but the runner calls the function classes itself (in-process mode), so
    /// <paramref name="configure"/> can replace one of the app's services: for the few tests that must.
    /// </summary>
    public static Task<WebApplication> StartInProcessAsync(string name, IReadOnlyDictionary<string, string?>? settings, Action<WebApplicationBuilder> configure, bool loadVenues = true) =>
        StartAsync(TestSettings(name, settings, "in-process"), configure, loadVenues);

    /// <summary>
    /// The runner hosting the worker in <paramref name="appDirectory"/> (a build output or an unpacked publish: the
    /// folder with worker.config.json, the app's dll and functions.metadata) with exactly <paramref name="settings"/>
    /// (app settings, <c>:</c>-separated, e.g. <c>AzureWebJobsStorage</c>), HTTP on a free loopback port, logs to
    /// <see cref="TestLog"/>. Started when it returns: the worker answered its handshake and loaded every function.
    /// </summary>
    /// <exception cref="LocalRunnerStartupException">The folder holds no worker, a function is missing, or the worker did not start (its words in the message).</exception>
    public static Task<WebApplication> StartWorkerAsync(string appDirectory, IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var all = new Dictionary<string, string?>(settings)
        {
            ["LocalRunner:Mode"] = "worker",
            ["LocalRunner:WorkerDirectory"] = appDirectory,
            ["LocalRunner:Port"] = settings.TryGetValue("LocalRunner:Port", out var port) ? port : "0",
        };
        return StartAsync(all, configure, loadVenues: false);
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure, bool loadVenues)
    {
        await Azurite.EnsureReachableAsync();
        var builder = LocalRunnerApp.CreateBuilder([], settings: settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(TestLog.Provider);
        configure?.Invoke(builder);
        var app = LocalRunnerApp.Build(builder);
        if (loadVenues)
        {
            var loaded = await app.Services.GetRequiredService<VenueCatalogue>().LoadAsync(DemoSeeder.PilotVenueRows(), CancellationToken.None);
            if (loaded.Rejected.Count > 0)
            {
                throw new InvalidOperationException($"The pilot venues were refused: {string.Join("; ", loaded.Rejected)}");
            }
        }

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private static Dictionary<string, string?> TestSettings(string name, IReadOnlyDictionary<string, string?>? settings, string mode)
    {
        var all = new Dictionary<string, string?>(RoleKeys.Settings())
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = Azurite.UniqueName(name),
            ["Reminders:SendQueue"] = Azurite.UniqueName(name + "-send-"),
            ["Reminders:InteractiveSendQueue"] = Azurite.UniqueName(name + "-send-") + "-i",
            ["Reminders:DispatchSchedule"] = "*/5 * * * * *",
            ["Retention:Schedule"] = "0 30 2 * * *",
            ["Wfi:LetterQueue"] = Azurite.UniqueName(name + "-wfi-"),
            ["Wfi:DefaultSchedule"] = "0 0 0 1 1 *",
            ["Vacancies:FeedQueue"] = Azurite.UniqueName(name + "-feed-"),
            ["LocalRunner:Port"] = "0",
            ["LocalRunner:Mode"] = mode,
            ["Sms:QuietHoursStart"] = "00:00",
            ["Sms:QuietHoursEnd"] = "00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
