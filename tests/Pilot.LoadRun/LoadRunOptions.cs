namespace Pilot.LoadRun;

/// <summary>The size and shape of one load run.</summary>
/// <param name="Minutes">Minutes of load: messages fall due (become eligible to send) at a steady rate through them.</param>
/// <param name="Rate">Messages a second offered, all kinds together (GOV.UK Notify's default limit is 3,000 a minute: 50).</param>
/// <param name="Storage">Azurite's connection string.</param>
/// <param name="LogDirectory">Where the runner's log goes.</param>
public sealed record LoadRunOptions(int Minutes, double Rate, string Storage, string LogDirectory)
{
    /// <summary>Fictional parents, one number each (Ofcom's drama range 07700 900000-900999 has 1,000).</summary>
    public int Parents { get; init; } = 1000;

    /// <summary>The hourly cap per number for the run (the default 10 cannot carry 50 texts a second on 1,000 numbers).</summary>
    public int MaxPerNumberPerHour { get; init; } = 100;

    /// <summary>The simulators' latency on every provider request (no faults).</summary>
    public TimeSpan LatencyMin { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan LatencyMax { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>How long to wait after the load for every offered message to reach its provider.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Verdict: the last minute's p99 may be at most this times the first minute's, plus <see cref="LatencySlack"/>.</summary>
    public double LatencyGrowthFactor { get; init; } = 1.5;

    public TimeSpan LatencySlack { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Verdict: completed throughput at least this share of offered throughput.</summary>
    public double ThroughputShare { get; init; } = 0.95;

    /// <summary>Verdict: memory at the end at most this times the memory after the first minute, plus <see cref="MemorySlackBytes"/>.</summary>
    public double MemoryGrowthFactor { get; init; } = 1.25;

    public long MemorySlackBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Every kind at <see cref="LoadRunner.WarmupShare"/> of its rate before the window, not counted: bookings and WFI
    /// invitations for this long, ending <see cref="LoadRunner.WarmupEndsBefore"/> before it; a minute's share of reminders
    /// due the minute before it; vacancies for this long, <see cref="LoadRunner.WarmAlertsBefore"/> before the window's
    /// (their alerts sent at :30 before it). The worker's first sends of a kind run its code for the first time. Zero for none.
    /// </summary>
    public TimeSpan Warmup { get; init; } = DefaultWarmup;

    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(20);

    public int Seed { get; init; } = 11;

    /// <summary>Azurite's processes, when known (./load.sh passes them), to print the CPU they used.</summary>
    public IReadOnlyList<int> AzuritePids { get; init; } = [];

    public TextWriter Progress { get; init; } = TextWriter.Null;
}
