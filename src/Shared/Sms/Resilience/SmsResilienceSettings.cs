namespace Pilot.Shared.Sms.Resilience;

/// <summary>How one provider's pipeline paces, waits, retries and breaks.</summary>
/// <param name="MessagesPerSecond">Never exceeded: sends queue for a permit rather than being refused.</param>
/// <param name="AttemptTimeout">One request to the provider.</param>
/// <param name="TotalTimeout">Everything for one message: waiting for a permit, every attempt and every backoff.</param>
public sealed record SmsResilienceSettings(
    double MessagesPerSecond,
    TimeSpan AttemptTimeout,
    TimeSpan TotalTimeout,
    int MaxRetryAttempts = 3,
    TimeSpan? BaseDelay = null,
    TimeSpan? MaxDelay = null,
    double FailureRatio = 0.5,
    int MinimumThroughput = 10,
    TimeSpan? SamplingDuration = null,
    TimeSpan? BreakDuration = null,
    int QueueLimit = 10_000)
{
    public static SmsResilienceSettings For(double messagesPerSecond, int timeoutSeconds) => new(
        messagesPerSecond,
        TimeSpan.FromSeconds(timeoutSeconds),
        // Room for the attempts, their backoffs and a queue for permits; the send queue retries after this.
        TimeSpan.FromSeconds(Math.Max(60, timeoutSeconds * 6)));
}
