namespace Pilot.FaultRun.StorageFaults;

/// <summary>
/// The storage faults a fault run injects, the same for tables, queues and blobs: the shares failed before and after
/// reaching Azurite, the added latency, and one outage of <see cref="Outage"/> a quarter of the way into the window
/// (while texts fall due and the alert timer runs, before the first kill).
/// </summary>
public sealed record StorageFaultDose(double FailBeforeRate, double FailAfterRate, TimeSpan LatencyMax, TimeSpan Outage)
{
    /// <summary>The full run's dose (<c>./faults.sh</c>).</summary>
    public static readonly StorageFaultDose Full = new(0.02, 0.005, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(45));

    /// <summary>How long an applied-then-timed-out request is held before its connection drops.</summary>
    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(3);

    public void ApplyTo(StorageFaultProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        foreach (var faults in new[] { proxy.Tables, proxy.Queues, proxy.Blobs })
        {
            faults.FailBeforeRate = FailBeforeRate;
            faults.FailAfterRate = FailAfterRate;
            faults.LatencyMax = LatencyMax;
            faults.HangFor = HangFor;
        }
    }
}
