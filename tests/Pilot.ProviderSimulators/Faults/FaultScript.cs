namespace Pilot.ProviderSimulators.Faults;

/// <summary>
/// What goes wrong with a provider's next requests: scripted faults first (in order, one per request),
/// then, for load runs, faults drawn at the given rates from a seeded generator.
/// </summary>
public sealed class FaultScript(int seed)
{
    private readonly Lock _gate = new();
    private readonly Queue<Fault> _scripted = new();
    private Random _random = new(seed);

    /// <summary>Share of requests answered 503 (0 to 1).</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests answered 429.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Share of requests accepted and then dropped without an answer.</summary>
    public double DropAfterAcceptRate { get; set; }

    /// <summary>Retry-After given with a random throttle.</summary>
    public int ThrottleRetryAfterSeconds { get; set; } = 1;

    /// <summary>Every request waits a random time between these (on the simulator's clock).</summary>
    public TimeSpan LatencyMin { get; set; }

    public TimeSpan LatencyMax { get; set; }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _scripted.Count;
            }
        }
    }

    public void Enqueue(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _scripted.Enqueue(fault);
        }
    }

    public void Reseed(int newSeed)
    {
        lock (_gate)
        {
            _random = new Random(newSeed);
        }
    }

    /// <summary>Clears the script and the rates.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _scripted.Clear();
            ServerErrorRate = ThrottleRate = DropAfterAcceptRate = 0;
            LatencyMin = LatencyMax = TimeSpan.Zero;
        }
    }

    internal (TimeSpan Latency, Fault? Fault) Next()
    {
        lock (_gate)
        {
            var latency = LatencyMax > LatencyMin
                ? LatencyMin + TimeSpan.FromTicks((long)(_random.NextDouble() * (LatencyMax - LatencyMin).Ticks))
                : LatencyMin;
            if (_scripted.TryDequeue(out var scripted))
            {
                return (latency, scripted);
            }

            // One draw decides between the faults so that the rates add up as a reader expects.
#pragma warning disable CA5394 // Not security: a seeded generator makes load runs repeatable.
            var draw = _random.NextDouble();
#pragma warning restore CA5394
            Fault? fault = null;
            if (draw < ServerErrorRate)
            {
                fault = Fault.ServerError(503);
            }
            else if (draw < ServerErrorRate + ThrottleRate)
            {
                fault = Fault.TooManyRequests(ThrottleRetryAfterSeconds);
            }
            else if (draw < ServerErrorRate + ThrottleRate + DropAfterAcceptRate)
            {
                fault = Fault.AcceptThenDrop();
            }

            return (latency, fault);
        }
    }
}
