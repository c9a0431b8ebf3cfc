using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Pilot.Shared.Sms;

/// <summary>
/// Rewrites text into the GSM-7 alphabet by taking accented and special Latin letters back to
/// their base letters ("Łucja" becomes "Lucja", "Zoë" becomes "Zoe"). Characters with no Latin
/// base (other scripts, emoji) are dropped, so use it only where keeping a text to one fragment
/// matters more than the exact spelling.
/// </summary>
public static class Gsm7Transliteration
{
    // Letters that Unicode does not decompose into a base letter plus accents.
    private static readonly FrozenDictionary<char, string> Specials = new Dictionary<char, string>
    {
        ['Ł'] = "L",
        ['ł'] = "l",
        ['Đ'] = "D",
        ['đ'] = "d",
        ['Ħ'] = "H",
        ['ħ'] = "h",
        ['ı'] = "i",
        ['Œ'] = "OE",
        ['œ'] = "oe",
        ['Þ'] = "Th",
        ['þ'] = "th",
        ['Ð'] = "D",
        ['ð'] = "d",
        ['Ŧ'] = "T",
        ['ŧ'] = "t",
        ['Ŋ'] = "N",
        ['ŋ'] = "n",
        ['ſ'] = "s",
        ['`'] = "'",
        ['´'] = "'",
    }.ToFrozenDictionary();

    public static string ToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = SmsText.Normalise(text);
        if (Gsm7Alphabet.CanEncode(normalised))
        {
            return normalised;
        }

        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (Gsm7Alphabet.Contains(c))
            {
                builder.Append(c);
            }
            else if (Specials.TryGetValue(c, out var special))
            {
                builder.Append(special);
            }
            else if (!char.IsSurrogate(c))
            {
                // Emoji and other characters outside the BMP have no Latin base and are dropped.
                AppendBaseLetters(builder, c);
            }
        }

        // Dropped characters can leave doubled or edge spaces behind.
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AppendBaseLetters(StringBuilder builder, char c)
    {
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark && Gsm7Alphabet.Contains(part))
            {
                builder.Append(part);
            }
        }
    }
}
