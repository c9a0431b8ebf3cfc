using System.Collections.Frozen;
using System.Text;

namespace Pilot.Shared.Sms;

/// <summary>
/// GOV.UK Notify's SMS rules (alphagov/notifications-utils): normalise look-alike punctuation
/// so plain English stays GSM-7, then count units and fragments as the networks bill them.
/// </summary>
public static class SmsText
{
    /// <summary>Notify's limit: 918 units, six concatenated GSM-7 fragments.</summary>
    public const int MaxCharacters = 918;

    public const int Gsm7SingleFragment = 160;
    public const int Gsm7ConcatenatedFragment = 153;
    public const int Ucs2SingleFragment = 70;
    public const int Ucs2ConcatenatedFragment = 67;

    // Look-alikes GOV.UK Notify also replaces: a single curly quote or an en dash pasted from a word
    // processor would otherwise force UCS-2 and more than double the cost of a text. Unlike Notify, the
    // zero-width joiner is kept (it holds emoji sequences together) and so are letters outside GSM-7
    // ("Ł" stays "Ł", where Notify sends "L"): names and Polish texts keep their spelling (README, Characters).
    private static readonly FrozenDictionary<char, string> Replacements = new Dictionary<char, string>
    {
        ['\u2011'] = "-", // non-breaking hyphen
        ['\u2013'] = "-", // en dash
        ['\u2014'] = "-", // em dash
        ['\u2212'] = "-", // minus sign
        ['\u2026'] = "...", // horizontal ellipsis
        ['\u2018'] = "'", // left single quotation mark
        ['\u2019'] = "'", // right single quotation mark
        ['\u201A'] = "'", // single low-9 quotation mark
        ['\u201C'] = "\"", // left double quotation mark
        ['\u201D'] = "\"", // right double quotation mark
        ['\u201E'] = "\"", // double low-9 quotation mark
        ['\u180E'] = string.Empty, // Mongolian vowel separator
        ['\u200B'] = string.Empty, // zero-width space
        ['\u200C'] = string.Empty, // zero-width non-joiner
        ['\u2060'] = string.Empty, // word joiner
        ['\uFEFF'] = string.Empty, // zero-width no-break space (byte order mark)
        ['\u2028'] = string.Empty, // line separator
        ['\u2029'] = string.Empty, // paragraph separator
        ['\u00A0'] = " ", // no-break space
        ['\u202F'] = " ", // narrow no-break space
        ['\t'] = " ",
    }.ToFrozenDictionary();

    /// <summary>Applies the replacements above; every other character is kept as it is.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var firstIndex = IndexOfReplaceable(text);
        if (firstIndex < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstIndex);
        for (var i = firstIndex; i < text.Length; i++)
        {
            var c = text[i];
            if (Replacements.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Normalises, then counts. GSM-7: 160 septets fit one fragment, longer texts go in 153-septet
    /// parts. Any other character forces UCS-2 for the whole text: 70, else 67-unit parts.
    /// UCS-2 units are UTF-16 code units, so an emoji outside the BMP counts two, as handsets and networks count it.
    /// </summary>
    public static SmsAnalysis Analyse(string text)
    {
        var normalised = Normalise(text);
        if (Gsm7Alphabet.CanEncode(normalised))
        {
            var septets = Gsm7Alphabet.CountSeptets(normalised);
            return new SmsAnalysis(normalised, SmsEncoding.Gsm7, septets, Fragments(septets, Gsm7SingleFragment, Gsm7ConcatenatedFragment));
        }

        var units = normalised.Length;
        return new SmsAnalysis(normalised, SmsEncoding.Ucs2, units, Fragments(units, Ucs2SingleFragment, Ucs2ConcatenatedFragment));
    }

    private static int Fragments(int units, int single, int concatenated) =>
        units <= single ? 1 : (units + concatenated - 1) / concatenated;

    private static int IndexOfReplaceable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Replacements.ContainsKey(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
