namespace Pilot.Shared.Sms.Twilio;

/// <summary>
/// The number and body we sent under a message id. Twilio has no idempotency key and cannot be asked
/// by our id, so finding an earlier send means listing messages to that number and matching the body.
/// </summary>
public interface ISentTextLookup
{
    Task<SentText?> FindAsync(string messageId, CancellationToken cancellationToken);
}

/// <param name="DueAt">The due minute from the message id: nothing earlier can be this send.</param>
public sealed record SentText(string To, string Body, DateTimeOffset DueAt);
