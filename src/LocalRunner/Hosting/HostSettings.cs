using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Queues;

namespace Pilot.LocalRunner.Hosting;

/// <summary>The parts of host.json the runner honours.</summary>
/// <param name="Path">The file read, or null when none was found and the defaults apply.</param>
/// <param name="Functions">host.json <c>functions</c>: when set, only these functions run (a host feature meant for local runs).</param>
/// <param name="LogLevels">host.json <c>logging.logLevel</c>: the lowest level logged per category prefix (<c>default</c> for the rest).</param>
internal sealed record HostSettings(string? Path, string RoutePrefix, QueueHostOptions Queues, IReadOnlyList<string>? Functions, IReadOnlyDictionary<string, LogLevel> LogLevels)
{
    public const string DefaultRoutePrefix = "api";
}

