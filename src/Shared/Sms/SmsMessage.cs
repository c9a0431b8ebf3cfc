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
    /// No attempt may still be running at this moment (set a little before quiet hours begin, as a provider may take
    /// a request later than the attempt gave up on it): an attempt that could, a provider's retry included, is
    /// refused as not taken, so the text waits for the end of quiet hours instead of going in the night.
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>
    /// Refuses an attempt that could still be running when <see cref="NotAfter"/> comes: one starting later than
    /// <paramref name="attemptTimeout"/> (the longest one attempt may take) before it. Not transient: no retry helps.
    /// </summary>
    /// <remarks>
    /// Checking only the start let a provider accept a text a fraction of a second into quiet hours: the fault run saw
    /// three accepted 0.05-0.16 s after 21:00 from attempts started just before it.
    /// </remarks>
    public void EnsureMayStart(string provider, DateTimeOffset now, TimeSpan attemptTimeout)
    {
        if (NotAfter is { } last && now + attemptTimeout > last)
        {
            throw new Resilience.SmsProviderException(provider, $"message {MessageId} not attempted: an attempt could still be running at {last:u}, just before quiet hours begin", isTransient: false);
        }
    }
}
