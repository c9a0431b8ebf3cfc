namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// When a text every provider failed technically is tried again: 30 s, doubling each attempt up to 15 minutes, for up
/// to <see cref="Period"/> after it fell due (as GOV.UK Notify retries for about four hours); then it fails,
/// technical-failure. The queue's few quick retries would instead poison the message and strand the text in sending.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(4);

    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The delay after attempt number <paramref name="attempts"/> (1 for the first) failed.</summary>
    public static TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Clamp(attempts - 1, 0, 10)));

    /// <summary>When to try again, or null when the retry period since <paramref name="dueAt"/> is over and the text fails.</summary>
    public static DateTimeOffset? NextAttempt(int attempts, DateTimeOffset dueAt, DateTimeOffset now) =>
        now - dueAt >= Period ? null : now + DelayAfter(attempts);
}
