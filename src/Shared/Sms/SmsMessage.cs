namespace Pilot.Shared.Sms;

/// <summary>One text to one UK mobile (E.164). The id is ours and stable across retries.</summary>
public sealed record SmsMessage(string MessageId, string To, string Body);
