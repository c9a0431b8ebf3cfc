using System.Text.RegularExpressions;

namespace Pilot.Shared.Phones;

/// <summary>
/// For values a caller chose (a provider message id, a status, a vacancy ref) that end up in logs:
/// anything that could be a phone number (seven or more digits, spaces allowed) is masked, and the
/// value is cut short, so a forged webhook cannot write a parent's number into our logs.
/// </summary>
public static partial class LogSafe
{
    private const int MaxLength = 64;

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var masked = DigitRun().Replace(value, PhoneMask.Unreadable);
        return masked.Length > MaxLength ? masked[..MaxLength] + "…" : masked;
    }

    [GeneratedRegex(@"\d[\d\s\-().]{5,}\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DigitRun();
}
