namespace Pilot.Shared.Sms;

/// <summary>One text to one UK mobile (E.164). The id is ours and stable across retries.</summary>
public sealed record SmsMessage(string MessageId, string To, string Body)
{
    /// <summary>
    /// This id was sent before and no provider that can be asked (<see cref="ISmsGateway.FindAsync"/>) has it:
    /// a provider that de-duplicates repeats may still hold the earlier attempt, so it goes first.
    /// </summary>
    public bool IsRepeat { get; init; }

    /// <summary>
    /// When this message was first meant to go, the same on every retry: what a provider that de-duplicates repeats
    /// needs (ACS's <c>repeatabilityFirstSent</c>) for an id that does not start with its due minute, as the WFI
    /// companion and default texts and the answers to parents' texts do not.
    /// </summary>
    public DateTimeOffset? FirstSentAt { get; init; }

    /// <summary>
    /// No attempt may start at or after this moment (when quiet hours begin): a provider's retry that would is
    /// refused as not taken, so the text waits for the end of quiet hours instead of going in the night.
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Refuses an attempt that would start once <see cref="NotAfter"/> has come (not transient: no retry helps).</summary>
    public void EnsureMayStart(string provider, DateTimeOffset now)
    {
        if (NotAfter is { } last && now >= last)
        {
            throw new Resilience.SmsProviderException(provider, $"message {MessageId} not attempted: quiet hours began at {last:u}", isTransient: false);
        }
    }
}
