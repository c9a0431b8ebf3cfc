using System.Net;

namespace Pilot.ProviderSimulators.Webhooks;

/// <summary>What a webhook receiver answered.</summary>
public sealed record WebhookResponse(HttpStatusCode StatusCode, string? ContentType, string Body);
