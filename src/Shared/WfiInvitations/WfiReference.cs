using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// The reference printed on a letter and quoted in texts, e.g. <c>WFI-7KQ3F2</c>: six characters from
/// an alphabet without 0/O, 1/I/L and U, so it survives being read aloud or typed on a phone keypad.
/// </summary>
public static partial class WfiReference
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 6;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return "WFI-" + new string(chars);
    }

    /// <summary>Finds a reference in free text ("wfi 7kq3f2", "WFI-7KQ3F2", "WFI7KQ3F2"); the text without it.</summary>
    public static bool TryFind(string text, out string reference, out string rest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = InText().Match(text);
        if (!match.Success)
        {
            reference = "";
            rest = text;
            return false;
        }

        reference = "WFI-" + match.Groups[1].Value.ToUpperInvariant();
        rest = (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();
        return true;
    }

    [GeneratedRegex(@"\bwfi[\s\-]?([2-9a-hj-km-np-tv-z]{6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex InText();
}
