namespace Pilot.Shared.Sms.Limits;

/// <summary>What a claim on a number's hourly cap found: a slot taken, or every slot counting until <see cref="FullUntil"/>.</summary>
public sealed record CapClaim(DateTimeOffset? FullUntil)
{
    public static CapClaim Taken { get; } = new CapClaim(FullUntil: null);

    public bool IsTaken => FullUntil is null;

    /// <summary>
    /// How long a held queue message waits to come back as the next slot frees: rounded up to whole seconds, because
    /// a queue counts visibility in whole seconds and drops the rest, which would bring the message back just early.
    /// </summary>
    public TimeSpan DelayFrom(DateTimeOffset now)
    {
        var wait = (FullUntil ?? now) - now;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));
    }
}
