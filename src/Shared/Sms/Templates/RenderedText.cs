namespace Pilot.Shared.Sms.Templates;

/// <summary>A text ready to send: normalised as it will go, in which language, and how it will be billed.</summary>
public sealed record RenderedText(string Text, string Language, SmsAnalysis Analysis);
