using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Hosting;
using Pilot.LocalRunner.Worker.Protocol;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// The worker's logs (they reach the host only as RpcLog messages) written to the runner's log under the host's
/// categories: <c>Function.{Name}.User</c> for what an invocation logged, <c>Host.Worker</c> for the rest, each
/// kept or dropped by host.json <c>logging.logLevel</c> (longest matching prefix, then <c>default</c>), as the host does.
/// </summary>
internal sealed class WorkerLogs(ILoggerFactory loggers, HostSettings host)
{
    public const string WorkerCategory = "Host.Worker";

    public void Write(RpcLog log, string? function)
    {
        ArgumentNullException.ThrowIfNull(log);
        var category = function is null ? WorkerCategory : $"Function.{function}.User";
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (level == LogLevel.None || level < MinimumLevel(category))
        {
            return;
        }

        var text = log.Exception is { } exception
            ? $"{log.Message} ({log.Category}) {exception.Message}{Environment.NewLine}{exception.StackTrace}"
            : $"{log.Message} ({log.Category})";
        loggers.CreateLogger(category).Log(level, default, text, exception: null, static (state, _) => state);
    }

    public void StreamFailed(Exception exception) =>
        loggers.CreateLogger(WorkerCategory).Log(LogLevel.Error, default, "The runner failed reading the worker's stream; the worker will be restarted", exception, static (state, _) => state);

    public LogLevel MinimumLevel(string category)
    {
        var best = host.LogLevels.TryGetValue("default", out var fallback) ? fallback : LogLevel.Information;
        var bestLength = -1;
        foreach (var (prefix, level) in host.LogLevels)
        {
            var matches = string.Equals(category, prefix, StringComparison.OrdinalIgnoreCase)
                || category.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase);
            if (matches && prefix.Length > bestLength && !string.Equals(prefix, "default", StringComparison.OrdinalIgnoreCase))
            {
                best = level;
                bestLength = prefix.Length;
            }
        }

        return best;
    }
}
