using System.Threading.RateLimiting;

namespace Pilot.Shared.Sms.Resilience;

/// <summary>
/// A token bucket holding one token, refilled every 1/rate seconds by a timer from the injected
/// <see cref="TimeProvider"/> (the framework's limiters read the real clock, so tests could not
/// drive them). With one token, no second of any clock ever carries more than the rate, and sends
/// go out evenly spaced; callers queue (oldest first) instead of being refused.
/// </summary>
public sealed class PacedRateLimiter : IDisposable
{
    private readonly ITimer _timer;

    public PacedRateLimiter(double messagesPerSecond, TimeProvider time, int queueLimit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        ArgumentNullException.ThrowIfNull(time);
        // Timers cannot fire faster than every millisecond (a shorter period rounds to zero, and a
        // zero period fires once and stops), so above 1,000 a second each refill carries several tokens.
        var period = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / messagesPerSecond));
        Period = period < MinimumPeriod ? MinimumPeriod : period;
        var tokens = Math.Max(1, (int)Math.Floor(messagesPerSecond * Period.TotalSeconds));
        Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            // The bucket also checks the real clock between manual refills; one tick keeps that check out of
            // the way, so our timer on the injected clock alone decides the pace.
            ReplenishmentPeriod = TimeSpan.FromTicks(1),
            AutoReplenishment = false,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _timer = time.CreateTimer(_ => Limiter.TryReplenish(), null, Period, Period);
    }

    private static readonly TimeSpan MinimumPeriod = TimeSpan.FromMilliseconds(1);

    public TimeSpan Period { get; }

    public TokenBucketRateLimiter Limiter { get; }

    public void Dispose()
    {
        _timer.Dispose();
        Limiter.Dispose();
    }
}
