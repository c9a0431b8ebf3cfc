using System.Buffers;
using PhoneNumbers;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Phones;

/// <summary>
/// Parses what a parent or adviser typed into a UK mobile number in E.164 form.
/// SMS goes only to UK mobiles, so landlines, other countries and non-mobile ranges are refused.
/// </summary>
public static class UkMobile
{
    public const string Region = "GB";

    public const string InvalidMessage = "must be a UK mobile number, like 07700 900123";

    private const int UkCountryCode = 44;

    // Ofcom keeps 07700 900000-900999 for drama and fiction. Libphonenumber (9.x) deliberately
    // treats that range as invalid, but demo data and tests must use it, so it is accepted here.
    private const ulong DramaRangeFirst = 7700900000;
    private const ulong DramaRangeLast = 7700900999;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly SearchValues<char> AllowedCharacters = SearchValues.Create("0123456789+()-. ");

    public static bool TryParse(string? input, out string e164, out string? error)
    {
        e164 = string.Empty;
        error = InvalidMessage;

        // As pasted from a spreadsheet: a zero-width space, a byte-order mark or a trailing line break is not part of the number.
        input = PastedText.Clean(input);

        // Libphonenumber reads letters as keypad digits ("077OO" becomes 07766) and accepts
        // extensions; neither belongs in a number we text, so only punctuation people use is let through,
        // and a plus only at the start ("+++44..." is read as +44 by libphonenumber).
        if (string.IsNullOrWhiteSpace(input) || input.AsSpan().ContainsAnyExcept(AllowedCharacters) || input.LastIndexOf('+') > 0)
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, Region);
        }
        catch (NumberParseException)
        {
            return false;
        }

        if (number.CountryCode != UkCountryCode || !IsMobile(number))
        {
            return false;
        }

        e164 = Util.Format(number, PhoneNumberFormat.E164);
        error = null;
        return true;
    }

    // Any valid +44 mobile counts, including ranges libphonenumber assigns to Jersey, Guernsey
    // and the Isle of Man (07911, 07624, ...): they share the UK plan and are texted the same way,
    // and a parent with such a number should not be turned away.
    private static bool IsMobile(PhoneNumber number) =>
        number.NationalNumber is >= DramaRangeFirst and <= DramaRangeLast
        || (Util.IsValidNumber(number) && Util.GetNumberType(number) == PhoneNumberType.MOBILE);
}
