using Pilot.LocalRunner.Queues;

namespace Pilot.LocalRunner.Hosting;

/// <summary>The parts of host.json the runner honours.</summary>
/// <param name="Path">The file read, or null when none was found and the defaults apply.</param>
/// <param name="Functions">host.json <c>functions</c>: when set, only these functions run (a host feature meant for local runs).</param>
internal sealed record HostSettings(string? Path, string RoutePrefix, QueueHostOptions Queues, IReadOnlyList<string>? Functions)
{
    public const string DefaultRoutePrefix = "api";
}
