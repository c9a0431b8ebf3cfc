using System.Diagnostics.CodeAnalysis;

namespace Pilot.Shared.Phones;

/// <summary>
/// Masks a phone number for logs: parents are vulnerable and their numbers are personal data,
/// so logs keep only enough to tell numbers apart when tracing a delivery.
/// </summary>
public static class PhoneMask
{
    public const string Unreadable = "***";

    /// <summary>
    /// "+447700900123" becomes "+44 7700 900***". A UK mobile typed any other way ("07700 900123")
    /// is parsed first, so a raw input logged by mistake is still masked; anything else becomes "***".
    /// </summary>
    public static string Mask(string? e164)
    {
        string number;
        if (IsUkE164(e164))
        {
            number = e164;
        }
        else if (!UkMobile.TryParse(e164, out number, out _))
        {
            return Unreadable;
        }

        return $"+44 {number[3..7]} {number[7..10]}***";
    }

    private static bool IsUkE164([NotNullWhen(true)] string? value) =>
        value is { Length: 13 }
        && value.StartsWith("+44", StringComparison.Ordinal)
        && !value.AsSpan(1).ContainsAnyExceptInRange('0', '9');
}
