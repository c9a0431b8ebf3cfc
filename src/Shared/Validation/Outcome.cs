namespace Pilot.Shared.Validation;

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// The result of an application service: a value, or why there is none. Errors are values at the
/// boundary; the HTTP functions turn them into 400/404/409 problem+json.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<FieldError> Errors, string? Detail)
{
    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>Members added to the problem+json answer (a conflict's existing resource, say).</summary>
    public IReadOnlyDictionary<string, string>? Extensions { get; init; }

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, [], null);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, errors, null);

    public static Outcome<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static Outcome<T> NotFound(string detail) => new(OutcomeKind.NotFound, default, [], detail);

    public static Outcome<T> Conflict(string detail) => new(OutcomeKind.Conflict, default, [], detail);

    /// <summary>A conflict with what is already stored, naming the fields it is about.</summary>
    public static Outcome<T> Conflict(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Conflict, default, errors, null);
}
