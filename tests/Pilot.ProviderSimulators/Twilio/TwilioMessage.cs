namespace Pilot.ProviderSimulators.Twilio;

/// <summary>A message the Twilio simulator accepted, as it stands now (status moves on as callbacks go out).</summary>
public sealed record TwilioMessage(
    string Sid,
    string AccountSid,
    string To,
    string? From,
    string? MessagingServiceSid,
    string Body,
    Uri? StatusCallback,
    int? ValidityPeriod,
    int NumSegments,
    string Status,
    int? ErrorCode,
    DateTimeOffset DateCreated,
    DateTimeOffset DateUpdated,
    DateTimeOffset? DateSent);
