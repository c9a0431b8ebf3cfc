using System.Buffers;
using PhoneNumbers;

namespace Pilot.Shared.Venues;

/// <summary>
/// A venue's phone number as parents will ring it: any UK number (landline, mobile, 03, 0800) of a possible
/// length. Kept as typed (spaces tidied) because it is printed on letters and texts as people write it.
/// </summary>
public static class VenuePhone
{
    public const string InvalidMessage = "must be a UK phone number, like 020 7946 0000";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly SearchValues<char> Allowed = SearchValues.Create("0123456789+() -");

    public static string? Normalise(string? input)
    {
        var text = string.Join(' ', (input ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (text.Length is 0 or > 20 || text.AsSpan().ContainsAnyExcept(Allowed) || text.LastIndexOf('+') > 0)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(text, "GB");
            return number.CountryCode == 44 && Util.IsPossibleNumber(number) ? text : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
