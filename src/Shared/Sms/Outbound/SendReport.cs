namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// What handling a text did: the outcome; for a text that waits (quiet hours, its number's hour, a backoff, another
/// worker's lease), when it will be looked at again; for one cancelled, why; and the state it was left in.
/// </summary>
public sealed record SendReport(SendOutcome Outcome, DateTimeOffset? Until = null, string? Reason = null, string? State = null);
