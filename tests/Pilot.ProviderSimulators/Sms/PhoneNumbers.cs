using System.Text.RegularExpressions;

namespace Pilot.ProviderSimulators.Sms;

internal static partial class PhoneNumbers
{
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number);

    /// <summary>UK numbers other than +447 (mobiles) are landlines, non-geographic or freephone.</summary>
    public static bool IsUkNonMobile(string number) =>
        number.StartsWith("+44", StringComparison.Ordinal) && !number.StartsWith("+447", StringComparison.Ordinal);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
