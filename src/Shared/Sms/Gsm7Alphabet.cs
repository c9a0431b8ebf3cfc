using System.Buffers;

namespace Pilot.Shared.Sms;

/// <summary>The GSM 03.38 default alphabet: what a text can hold and still go as GSM-7.</summary>
public static class Gsm7Alphabet
{
    /// <summary>The basic table, one septet each (LF, CR and ESC included, as GOV.UK Notify counts them).</summary>
    public const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table: each is sent as ESC plus a septet, so it counts as two.</summary>
    public const string Extended = "^{}\\[~]|€";

    private static readonly SearchValues<char> BasicValues = SearchValues.Create(Basic);
    private static readonly SearchValues<char> ExtendedValues = SearchValues.Create(Extended);
    private static readonly SearchValues<char> AllValues = SearchValues.Create(Basic + Extended);

    public static bool IsBasic(char c) => BasicValues.Contains(c);

    public static bool IsExtended(char c) => ExtendedValues.Contains(c);

    public static bool Contains(char c) => AllValues.Contains(c);

    /// <summary>True when every character of <paramref name="text"/> can be sent as GSM-7.</summary>
    public static bool CanEncode(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(AllValues);

    /// <summary>Septets needed for <paramref name="text"/>, assuming <see cref="CanEncode"/> holds.</summary>
    public static int CountSeptets(ReadOnlySpan<char> text)
    {
        var septets = text.Length;
        var rest = text;
        int index;
        while ((index = rest.IndexOfAny(ExtendedValues)) >= 0)
        {
            septets++;
            rest = rest[(index + 1)..];
        }

        return septets;
    }
}
