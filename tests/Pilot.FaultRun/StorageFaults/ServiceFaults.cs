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

    private readonly List<(TargetedFault Fault, int Left, int Skip)> _targeted = [];
    private readonly Lock _targetedLock = new();

    /// <summary>Aims <paramref name="fault"/> at the next requests it matches, besides the shares above.</summary>
    public void Target(TargetedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_targetedLock)
        {
            _targeted.Add((fault, fault.Times, fault.Skip));
        }
    }

    /// <summary>Stops every targeted fault not yet used up.</summary>
    public void ClearTargeted()
    {
        lock (_targetedLock)
        {
            _targeted.Clear();
        }
    }

    /// <summary>The targeted fault this request meets, if any (each match uses up one of its times).</summary>
    public TargetedFaultKind? TakeTargeted(string method, string path)
    {
        lock (_targetedLock)
        {
            var i = _targeted.FindIndex(t => string.Equals(t.Fault.Method, method, StringComparison.OrdinalIgnoreCase)
                && path.Contains(t.Fault.PathContains, StringComparison.Ordinal));
            if (i < 0)
            {
                return null;
            }

            var (fault, left, skip) = _targeted[i];
            if (skip > 0)
            {
                _targeted[i] = (fault, left, skip - 1);
                return null;
            }

            if (left <= 1)
            {
                _targeted.RemoveAt(i);
            }
            else
            {
                _targeted[i] = (fault, left - 1, 0);
            }

            return fault.Kind;
        }
    }
}
