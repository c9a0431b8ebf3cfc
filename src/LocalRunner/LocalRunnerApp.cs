using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Functions;
using Pilot.Functions.Health;
using Pilot.Functions.Telemetry;
using Pilot.LocalRunner.Configuration;
using Pilot.LocalRunner.Hosting;
using Pilot.LocalRunner.Http;
using Pilot.LocalRunner.Queues;
using Pilot.LocalRunner.Timers;
using Pilot.LocalRunner.Worker;
using Pilot.Shared;

namespace Pilot.LocalRunner;

/// <summary>
/// Hosts the isolated-worker functions without the Functions host: timers, queue pollers against
/// Azurite (or any storage account) and HTTP functions on Kestrel, all found from their attributes.
/// </summary>
public static class LocalRunnerApp
{
    public const string PortSetting = "LocalRunner:Port";

    public const int DefaultPort = 7071;

    /// <summary>The mode when <c>LocalRunner:Mode</c> is not set.</summary>
    public const string DefaultMode = WorkerSettings.WorkerMode;

    private static readonly string[] EnvironmentVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "AZURE_FUNCTIONS_ENVIRONMENT"];

    /// <summary>Seconds a received queue message stays invisible while it runs (the host's ten minutes by default).</summary>
    public const string ProcessingVisibilitySetting = "LocalRunner:ProcessingVisibilitySeconds";

    /// <summary>
    /// The builder with configuration in Functions order (the runner's appsettings.json,
    /// local.settings.json Values, environment variables, command line) and the app's services
    /// (<see cref="PilotServiceCollectionExtensions.AddPilot"/>). Callers may still add configuration
    /// or replace services before <see cref="Build"/>.
    /// </summary>
    /// <param name="functionAssemblies">Where to look for functions; the Pilot.Functions assembly when null.</param>
    /// <param name="settings">
    /// Settings that win over every other source, applied before the app's services are registered:
    /// registration reads some of them (which SMS provider, for one), so settings added to the builder
    /// later do not change that choice.
    /// </param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IEnumerable<Assembly>? functionAssemblies = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,

            // The runner's own appsettings.json sits beside its binaries, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = EnvironmentName(),
        });

        // Development only relaxes which secrets may start the app (Secrets/LocalDevelopment); the container checks
        // stay as they were under Production, the runner's environment before it defaulted to Development.
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = o.ValidateScopes = false);
        builder.Logging.KeepChoiceLinkTokensOutOfLogs();

        // The forwarder to the worker logs every request at Information; the runner logs each call once itself.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);

        var localSettings = LocalSettingsFiles.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        localSettings.AddTo(builder.Configuration);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddPilotFunctions(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IHttpFunctionAuthorization, ConfiguredFunctionKeys>();

        // IActionResult execution (ObjectResult formatting, camelCase JSON) without controllers.
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(localSettings);
        builder.Services.AddSingleton(new FunctionAssemblies(
            (functionAssemblies ?? [typeof(HealthFunction).Assembly]).Distinct().ToList()));
        return builder;
    }

    /// <summary>
    /// Finds the functions, resolves their settings, registers a hosted listener per timer and queue
    /// function, and maps the HTTP functions on <c>http://127.0.0.1:{LocalRunner:Port}</c>.
    /// </summary>
    /// <exception cref="LocalRunnerStartupException">Listing everything that cannot run as declared.</exception>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var assemblies = builder.Services.LastOrDefault(d => d.ServiceType == typeof(FunctionAssemblies))?.ImplementationInstance as FunctionAssemblies
            ?? throw new InvalidOperationException($"Create the builder with {nameof(LocalRunnerApp)}.{nameof(CreateBuilder)}.");

        var configuration = builder.Configuration;
        var problems = new List<string>();
        var host = HostJson.Read(configuration, problems);
        var port = ReadPort(configuration[PortSetting], problems);
        var processingVisibility = ReadProcessingVisibility(configuration[ProcessingVisibilitySetting], problems);
        var worker = WorkerSettings.Read(configuration, DefaultMode, problems);
        var catalog = FunctionCatalog.Create(assemblies.Assemblies, configuration, host, problems);

        var services = builder.Services;
        services.AddSingleton(host);
        services.AddSingleton(catalog);
        services.AddSingleton(worker);
        if (worker.IsWorker)
        {
            AddWorkerHosting(services);
        }

        services.AddSingleton(EmbeddedDefaultServices.Find(services));
        services.AddHostedService<StartupReport>();

        // A route nobody declared (404) or the wrong method (405) answers problem+json like every other refusal.
        services.AddProblemDetails();

        // One hosted service per function; registered directly because AddHostedService with a
        // factory keeps only one service of each implementation type.
        foreach (var timer in catalog.Timers)
        {
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<TimerListener>(provider, timer));
        }

        foreach (var queue in catalog.Queues)
        {
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<QueueListener>(provider, queue, host.Queues, processingVisibility));
        }

        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.UseStatusCodePages();
        app.MapHttpFunctions(catalog.Http);
        return app;
    }

    private static void AddWorkerHosting(IServiceCollection services)
    {
        // Registered before the listeners, so the worker is up before they start and stops after they have stopped.
        services.AddSingleton<WorkerLogs>();
        services.AddSingleton<WorkerSupervisor>();
        services.AddHostedService(provider => provider.GetRequiredService<WorkerSupervisor>());
        services.AddSingleton<WorkerInvoker>();
        services.AddHttpForwarder();
        services.AddSingleton<WorkerHttpForwarder>();

        // The app's start-up checks (secrets among them) are the worker's to make, where Azure makes them: the runner's
        // own copy of the app's services is only for seeding and tests, and would otherwise refuse first in its own words.
        services.RemoveAll<IStartupValidator>();
    }

    /// <summary>
    /// Like Core Tools, the runner is local development unless told otherwise: <c>ASPNETCORE_ENVIRONMENT</c>,
    /// <c>DOTNET_ENVIRONMENT</c> or <c>AZURE_FUNCTIONS_ENVIRONMENT</c>, the first one set, else <c>Development</c>.
    /// </summary>
    public static string EnvironmentName() =>
        EnvironmentVariables
            .Select(Environment.GetEnvironmentVariable)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
        ?? Environments.Development;

    private static TimeSpan ReadProcessingVisibility(string? text, List<string> problems)
    {
        if (text is null)
        {
            return QueueListener.DefaultProcessingVisibility;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 7 * 24 * 3600)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add($"{ProcessingVisibilitySetting} is '{text}'; expected whole seconds from 1 to 604800.");
        return QueueListener.DefaultProcessingVisibility;
    }

    private static int ReadPort(string? text, List<string> problems)
    {
        if (text is null)
        {
            return DefaultPort;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
        {
            return port;
        }

        problems.Add($"{PortSetting} is '{text}'; expected a port number from 0 to 65535 (0: any free port).");
        return DefaultPort;
    }
}
