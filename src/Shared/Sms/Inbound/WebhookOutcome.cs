using Pilot.Shared.Validation;

namespace Pilot.Shared.Sms.Inbound;

public enum WebhookOutcomeKind
{
    /// <summary>Taken (acted on or deliberately ignored): answer 200 so the provider stops retrying.</summary>
    Accepted,

    /// <summary>Not from the provider (signature or key wrong or missing): 403, nothing changed.</summary>
    Forbidden,

    /// <summary>Event Grid's subscription handshake: answer with <see cref="WebhookOutcome.ValidationResponse"/>.</summary>
    Validation,

    /// <summary>A body we cannot read: 400 naming the field.</summary>
    Invalid,

    /// <summary>A delivery acted on before (or too old to be a provider's own): 409 naming what repeats, nothing changed.</summary>
    Replayed,
}

public sealed record WebhookOutcome(WebhookOutcomeKind Kind, string? ValidationResponse = null, IReadOnlyList<FieldError>? Errors = null)
{
    public static readonly WebhookOutcome Accepted = new(WebhookOutcomeKind.Accepted);
    public static readonly WebhookOutcome Forbidden = new(WebhookOutcomeKind.Forbidden);

    public static WebhookOutcome Validation(string code) => new(WebhookOutcomeKind.Validation, code);

    public static WebhookOutcome Invalid(string field, string message) => new(WebhookOutcomeKind.Invalid, Errors: [new FieldError(field, message)]);

    public static WebhookOutcome Replayed(string field, string message) => new(WebhookOutcomeKind.Replayed, Errors: [new FieldError(field, message)]);
}
