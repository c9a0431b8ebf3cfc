namespace Pilot.ProviderSimulators.Acs;

/// <summary>A message the ACS simulator accepted (one per recipient, once per repeatability id).</summary>
public sealed record AcsMessage(
    string MessageId,
    string From,
    string To,
    string Message,
    string? Tag,
    bool EnableDeliveryReport,
    string? RepeatabilityRequestId,
    string? RepeatabilityFirstSent,
    DateTimeOffset AcceptedAt);

/// <summary>A recipient whose repeatability id had been accepted before: answered with the original message id.</summary>
public sealed record AcsDuplicate(string RepeatabilityRequestId, string To, string OriginalMessageId, DateTimeOffset ReceivedAt);

/// <summary>The outcome of posting Event Grid's subscription validation event to the webhook.</summary>
public sealed record AcsValidationHandshake(string ValidationCode, Webhooks.WebhookResponse Response, bool Validated);
