namespace Pilot.Shared.Validation;

/// <summary>One problem with one field of a request; <see cref="Field"/> is the JSON path (camelCase).</summary>
public sealed record FieldError(string Field, string Message);
