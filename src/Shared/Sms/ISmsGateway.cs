namespace Pilot.Shared.Sms;

/// <summary>
/// Sends one text. Implementations must be idempotent on <see cref="SmsMessage.MessageId"/> where the
/// provider allows it, and must be able to say whether a message id was ever accepted, so that a send
/// interrupted mid-way is settled rather than dropped or blindly repeated.
/// </summary>
public interface ISmsGateway
{
    string Name { get; }

    /// <summary>
    /// True when the provider sends a repeated message id once however often it is asked (ACS's repeatability
    /// id), so a repeat is safe whatever happened to the earlier attempt; such a provider cannot be asked by
    /// our id, so <see cref="FindAsync"/> answers null for it.
    /// </summary>
    bool DeduplicatesRepeats => false;

    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);

    /// <summary>The outcome of an earlier send of this message id, or null when the provider never accepted it.</summary>
    Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken);
}
