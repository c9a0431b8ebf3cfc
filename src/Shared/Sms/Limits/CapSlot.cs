namespace Pilot.Shared.Sms.Limits;

/// <summary>
/// One text's place in its number's last hour: the message id and when the slot was claimed, the moment just before
/// the provider call (a repeat under the same id claims again, and its slot moves to then).
/// </summary>
public sealed record CapSlot(string MessageId, DateTimeOffset ClaimedAt);
