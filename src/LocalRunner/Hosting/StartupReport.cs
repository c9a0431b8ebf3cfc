using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Configuration;
using Pilot.LocalRunner.Http;

namespace Pilot.LocalRunner.Hosting;

/// <summary>
/// Says at start what will run and how it was resolved, and warns about every embedded default so a
/// demo is never mistaken for live texting.
/// </summary>
internal sealed partial class StartupReport(
    FunctionCatalog catalog,
    HostSettings host,
    LocalSettingsFiles localSettings,
    EmbeddedDefaultServices embeddedDefaults,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogSources(
            host.Path ?? "none found: host defaults",
            localSettings.Paths.Count == 0 ? "none found" : string.Join(", ", localSettings.Paths));

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var timer in catalog.Timers)
        {
            LogTimer(timer.Method.Name, timer.Schedule, timer.DeclaredSchedule, timer.NextOccurrence(now), timer.RunOnStartup);
        }

        var queues = host.Queues;
        foreach (var queue in catalog.Queues)
        {
            var connection = queue.Connection.IsDevelopmentDefault
                ? $"{queue.Connection.SettingName} (not set: {StorageConnection.DevelopmentStorage})"
                : queue.Connection.SettingName;
            LogQueue(queue.Method.Name, queue.QueueName, queue.DeclaredQueueName, connection, queue.PoisonQueueName);
        }

        if (catalog.Queues.Count > 0)
        {
            LogQueueSettings(queues.BatchSize, queues.NewBatchThreshold, queues.MaxPollingInterval, queues.VisibilityTimeout, queues.MaxDequeueCount, queues.MessageEncoding.ToString());
        }

        using var scope = scopes.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<IHttpFunctionAuthorization>() is ConfiguredFunctionKeys configured
            ? $"checked, {configured.KeyCount} configured"
            : "checked by " + scope.ServiceProvider.GetRequiredService<IHttpFunctionAuthorization>().GetType().Name;
        foreach (var function in catalog.Http)
        {
            LogHttp(function.Method.Name, function.Methods is null ? "ANY" : string.Join(',', function.Methods), function.Route, function.AuthLevel.ToString(), keys);
        }

        foreach (var skipped in catalog.Skipped)
        {
            LogSkipped(skipped);
        }

        foreach (var name in catalog.UnknownListed)
        {
            LogUnknownListed(name);
        }

        if (catalog.Timers.Count + catalog.Queues.Count + catalog.Http.Count == 0)
        {
            LogNothingToRun();
        }

        foreach (var embedded in embeddedDefaults.Resolve(scope.ServiceProvider, (type, ex) => LogUnresolvable(ex, type.Name)))
        {
            LogEmbeddedDefault(embedded.Name, embedded.Description);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "host.json: {HostJson}; local.settings.json: {LocalSettings}")]
    private partial void LogSources(string hostJson, string localSettings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function '{Function}': timer, schedule '{Schedule}' (declared '{Declared}', UTC), next {Next:o}, run on startup {RunOnStartup}")]
    private partial void LogTimer(string function, string schedule, string declared, DateTime next, bool runOnStartup);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function '{Function}': queue '{Queue}' (declared '{Declared}'), connection {Connection}, poison queue '{PoisonQueue}'")]
    private partial void LogQueue(string function, string queue, string declared, string connection, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queues: batchSize {BatchSize}, newBatchThreshold {NewBatchThreshold}, maxPollingInterval {MaxPollingInterval}, visibilityTimeout {VisibilityTimeout}, maxDequeueCount {MaxDequeueCount}, messageEncoding {MessageEncoding}")]
    private partial void LogQueueSettings(int batchSize, int newBatchThreshold, TimeSpan maxPollingInterval, TimeSpan visibilityTimeout, int maxDequeueCount, string messageEncoding);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function '{Function}': HTTP {Methods} {Route} (authorization level {AuthLevel}: keys {Keys})")]
    private partial void LogHttp(string function, string methods, string route, string authLevel, string keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function skipped: {Skipped}")]
    private partial void LogSkipped(string skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "host.json functions lists '{Function}', but no such function was found")]
    private partial void LogUnknownListed(string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No functions to run")]
    private partial void LogNothingToRun();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded default active: {Name}: {Description}")]
    private partial void LogEmbeddedDefault(string name, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resolve {ServiceType} to check whether it is an embedded default")]
    private partial void LogUnresolvable(Exception exception, string serviceType);
}
