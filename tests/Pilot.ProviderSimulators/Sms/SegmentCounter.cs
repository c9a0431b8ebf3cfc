namespace Pilot.ProviderSimulators.Sms;

/// <summary>How many SMS fragments a body needs: GSM-7 (160, or 153 each when split) or UCS-2 (70, or 67).</summary>
internal static class SegmentCounter
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Characters of the extension table cost an escape plus the character.
    private const string Extension = "^{}\\[~]|€\f";

    public static int Count(string body)
    {
        var septets = 0;
        foreach (var c in body)
        {
            if (Basic.Contains(c, StringComparison.Ordinal))
            {
                septets += 1;
            }
            else if (Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                // UCS-2 counts UTF-16 code units, so a surrogate pair (emoji) takes two.
                return Fragments(body.Length, single: 70, part: 67);
            }
        }

        return Fragments(septets, single: 160, part: 153);
    }

    private static int Fragments(int units, int single, int part) =>
        units <= single ? 1 : (units + part - 1) / part;
}
