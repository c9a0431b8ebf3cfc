namespace Pilot.FaultRun;

/// <summary>The size and shape of one fault-injection run.</summary>
/// <param name="Reminders">Reminders due in the window.</param>
/// <param name="WindowMinutes">Due minutes the reminders are spread over, starting at the current minute.</param>
/// <param name="Kills">How often the runner is killed (SIGKILL) and restarted, evenly through the window.</param>
/// <param name="Storage">Azurite's connection string.</param>
/// <param name="LogDirectory">Where the runner's logs go (one file per run).</param>
public sealed record FaultRunOptions(int Reminders, int WindowMinutes, int Kills, string Storage, string LogDirectory)
{
    /// <summary>Share of requests each provider answers 5xx.</summary>
    public double ServerErrorRate { get; init; } = 0.20;

    /// <summary>Share answered 429 with Retry-After.</summary>
    public double ThrottleRate { get; init; } = 0.10;

    /// <summary>Share accepted and then answered with a dropped connection.</summary>
    public double DropAfterAcceptRate { get; init; } = 0.03;

    public int RetryAfterSeconds { get; init; } = 1;

    public TimeSpan LatencyMin { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan LatencyMax { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Share of send-queue messages delivered twice.</summary>
    public double DuplicateMessageRate { get; init; } = 0.05;

    /// <summary>Share of parents who text STOP before the window (every 20th for 5%).</summary>
    public double OptedOutRate { get; init; } = 0.05;

    /// <summary>Most reminders per parent (there are 1,000 fictional numbers, 07700 900000-900999).</summary>
    public int RemindersPerParent { get; init; } = 10;

    /// <summary>
    /// The runner's queue-message lease (the host's is 10 minutes); a killed runner's messages come back after
    /// it. Shorter than the host's so that the texts a kill interrupts are settled inside the run's window.
    /// </summary>
    public int ProcessingVisibilitySeconds { get; init; } = 60;

    public int SendingLeaseSeconds { get; init; } = 120;

    public double MessagesPerSecond { get; init; } = 60;

    /// <summary>How long to wait for every text to settle after the window and the last restart.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(20);

    public int Seed { get; init; } = 7;

    public TextWriter Progress { get; init; } = TextWriter.Null;
}
