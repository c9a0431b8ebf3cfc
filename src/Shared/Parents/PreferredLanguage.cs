using System.Text.RegularExpressions;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Parents;

/// <summary>The one check of <c>preferredLanguage</c>, for registration and every later change: a language code such as en or pl.</summary>
public static partial class PreferredLanguage
{
    /// <returns>The code in lower case (<c>en</c> when none was given), or null with an error added.</returns>
    public static string? Check(string? given, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var language = given?.Trim() ?? "en";
        if (!LanguageTag().IsMatch(language))
        {
            errors.Add(new FieldError("preferredLanguage", "must be a language code such as en or pl"));
            return null;
        }

        return language.ToLowerInvariant();
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LanguageTag();
}
