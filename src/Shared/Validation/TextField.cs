namespace Pilot.Shared.Validation;

/// <summary>Checks for free-text fields: present, trimmed, not too long, no control characters.</summary>
public static class TextField
{
    public static string? Check(string? value, string field, int maxLength, List<FieldError> errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "is required"));
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(new FieldError(field, $"must be at most {maxLength} characters"));
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            errors.Add(new FieldError(field, "must not contain control characters"));
            return null;
        }

        return trimmed;
    }
}
