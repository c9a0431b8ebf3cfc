using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Pilot.LocalRunner.Configuration;
using Pilot.LocalRunner.Discovery;
using Pilot.LocalRunner.Http;
using Pilot.LocalRunner.Queues;
using Pilot.LocalRunner.Timers;

namespace Pilot.LocalRunner.Hosting;

/// <summary>The functions that will run, each with its trigger resolved against configuration.</summary>
/// <param name="Skipped">Functions found but not run, each with the reason.</param>
/// <param name="UnknownListed">Names in host.json <c>functions</c> that match no function.</param>
internal sealed record FunctionCatalog(
    IReadOnlyList<TimerFunction> Timers,
    IReadOnlyList<QueueFunction> Queues,
    IReadOnlyList<HttpFunction> Http,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> UnknownListed)
{
    /// <exception cref="LocalRunnerStartupException">Listing every function or setting that cannot run as declared.</exception>
    public static FunctionCatalog Create(IEnumerable<Assembly> assemblies, IConfiguration configuration, HostSettings host, List<string> problems)
    {
        var discovered = FunctionScanner.Scan(assemblies, problems);
        var settings = new AppSettingResolver(configuration);
        var timers = new List<TimerFunction>();
        var queues = new List<QueueFunction>();
        var http = new List<HttpFunction>();
        var skipped = new List<string>();
        foreach (var function in discovered)
        {
            // Skipped functions are not checked, as the host does not load them either.
            if (SkipReason(function.Name, configuration, host) is { } reason)
            {
                skipped.Add($"{function.Name}: {reason}");
                continue;
            }

            switch (function.Trigger)
            {
                case TimerTriggerAttribute timer:
                    Add(timers, TimerFunction.Create(function, timer, settings, problems));
                    break;
                case QueueTriggerAttribute queue:
                    Add(queues, QueueFunction.Create(function, queue, settings, configuration, problems));
                    break;
                case HttpTriggerAttribute request:
                    Add(http, HttpFunction.Create(function, request, host.RoutePrefix, problems));
                    break;
                default:
                    problems.Add(
                        $"Function '{function.Name}' ({function.MethodName}): the trigger {function.Trigger.GetType().Name} is not supported by the local runner " +
                        "(timer, queue and HTTP triggers are).");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new LocalRunnerStartupException(problems);
        }

        var unknown = (host.Functions ?? [])
            .Where(name => !discovered.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new FunctionCatalog(timers, queues, http, skipped, unknown);
    }

    private static string? SkipReason(string name, IConfiguration configuration, HostSettings host)
    {
        if (host.Functions is { } listed && !listed.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return "not listed in host.json functions";
        }

        var disabledSetting = $"AzureWebJobs.{name}.Disabled";
        return bool.TryParse(configuration[disabledSetting], out var disabled) && disabled
            ? $"disabled by the app setting {disabledSetting}"
            : null;
    }

    private static void Add<T>(List<T> functions, T? function)
        where T : class
    {
        if (function is not null)
        {
            functions.Add(function);
        }
    }
}
