namespace Pilot.FaultRun.StorageFaults;

/// <summary>What the proxy does to one storage service's requests; settable while it runs (a test turns a fault off).</summary>
public sealed class ServiceFaults
{
    /// <summary>Share answered 503 <c>ServerBusy</c> or 500 <c>OperationTimedOut</c> (half each) without reaching Azurite.</summary>
    public double FailBeforeRate { get; set; }

    /// <summary>
    /// Share forwarded to Azurite (so a write happens) and then answered with a dropped connection or, half of them,
    /// held for <see cref="HangFor"/> and then dropped: the caller does not know its write was applied.
    /// </summary>
    public double FailAfterRate { get; set; }

    /// <summary>How long an applied-then-timed-out request is held before its connection is dropped.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Latency added to every request, uniformly between zero and this.</summary>
    public TimeSpan LatencyMax { get; set; }
}
