using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Tests.SampleFunctions;

namespace Pilot.LocalRunner.Tests.Support;

/// <summary>
/// A local runner for one test, in-process unless the settings say <c>LocalRunner:Mode</c> (the runner's own fast tests:
/// it calls the sample function classes itself, found by reflection, so a test needs no worker process; the worker mode
/// is tested with real workers through <see cref="WorkerRunners"/>): its own host.json listing only the functions under test (the host's
/// <c>functions</c> setting), Kestrel on a free port, logs captured.
/// </summary>
public sealed class TestRunner : IAsyncDisposable
{
    private static readonly Assembly[] TestAssemblyOnly = [typeof(TestRunner).Assembly];

    private readonly string _hostJsonPath;

    private TestRunner(WebApplication app, CapturedLogs logs, string hostJsonPath)
    {
        App = app;
        Logs = logs;
        _hostJsonPath = hostJsonPath;
    }

    public WebApplication App { get; }

    public CapturedLogs Logs { get; }

    public Uri BaseAddress => new(App.Urls.Single());

    /// <param name="queues">host.json extensions.queues, e.g. <c>new { maxDequeueCount = 3 }</c>.</param>
    public static (WebApplicationBuilder Builder, CapturedLogs Logs, string HostJsonPath) CreateBuilder(
        string[] functions,
        Dictionary<string, string?>? settings = null,
        object? queues = null,
        Assembly[]? assemblies = null,
        bool useRunnerDefaultAssemblies = false)
    {
        var hostJsonPath = Path.Combine(Path.GetTempPath(), $"pilot-runner-{Guid.NewGuid():N}.json");
        File.WriteAllText(hostJsonPath, JsonSerializer.Serialize(new
        {
            version = "2.0",
            functions,
            extensions = new { queues = queues ?? new { } },
        }));

        var builder = LocalRunnerApp.CreateBuilder([], useRunnerDefaultAssemblies ? null : assemblies ?? TestAssemblyOnly);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? [])
        {
            ["LocalRunner:Port"] = "0",
            ["LocalRunner:HostJsonPath"] = hostJsonPath,
            ["LocalRunner:Mode"] = settings?.GetValueOrDefault("LocalRunner:Mode") ?? "in-process",
        });
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimerProbe>();
        builder.Services.AddSingleton<QueueProbe>();
        return (builder, logs, hostJsonPath);
    }

    public static async Task<TestRunner> StartAsync(
        string[] functions,
        Dictionary<string, string?>? settings = null,
        object? queues = null,
        Assembly[]? assemblies = null,
        Action<WebApplicationBuilder>? configure = null,
        bool useRunnerDefaultAssemblies = false)
    {
        var (builder, logs, hostJsonPath) = CreateBuilder(functions, settings, queues, assemblies, useRunnerDefaultAssemblies);
        try
        {
            configure?.Invoke(builder);
            var app = LocalRunnerApp.Build(builder);
            await app.StartAsync();
            return new TestRunner(app, logs, hostJsonPath);
        }
        catch
        {
            File.Delete(hostJsonPath);
            throw;
        }
    }

    /// <summary>What Build says when the functions cannot run as declared.</summary>
    public static LocalRunnerStartupException BuildFails(string[] functions, Dictionary<string, string?>? settings = null)
    {
        var (builder, _, hostJsonPath) = CreateBuilder(functions, settings);
        try
        {
            return Assert.Throws<LocalRunnerStartupException>(() => LocalRunnerApp.Build(builder));
        }
        finally
        {
            File.Delete(hostJsonPath);
        }
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A client that sends the development function key, as a caller with a key would.</summary>
    public HttpClient CreateClient()
    {
        var client = CreateClientWithoutKey();
        client.DefaultRequestHeaders.Add("x-functions-key", "local-dev-key");
        return client;
    }

    public HttpClient CreateClientWithoutKey() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        File.Delete(_hostJsonPath);
    }
}
