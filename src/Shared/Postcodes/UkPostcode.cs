using System.Text.RegularExpressions;

namespace Pilot.Shared.Postcodes;

/// <summary>Checks and normalises a full UK postcode (outward and inward code) to "SW9 8AB" form.</summary>
public static partial class UkPostcode
{
    public const string InvalidMessage = "must be a full UK postcode, like SW9 8AB";

    /// <summary>
    /// Accepts any spacing and case ("sw98ab", " SW9  8AB "). Letters are checked position by
    /// position against the Royal Mail rules, so typos such as "SW9 8CB" are caught before a lookup.
    /// The non-geographic "GIR 0AA" and overseas-territory codes are rejected: they are never a
    /// parent's home or a vacancy.
    /// </summary>
    public static bool TryNormalise(string? input, out string normalised, out string? error)
    {
        normalised = string.Empty;
        error = InvalidMessage;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 16)
        {
            return false;
        }

        Span<char> compact = stackalloc char[input.Length];
        var length = 0;
        foreach (var c in input)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact[length++] = char.ToUpperInvariant(c);
            }
        }

        if (length is < 5 or > 7)
        {
            return false;
        }

        var candidate = string.Concat(compact[..(length - 3)], " ", compact[(length - 3)..length]);
        if (!FullPostcode().IsMatch(candidate))
        {
            return false;
        }

        normalised = candidate;
        error = null;
        return true;
    }

    /// <summary>The outward code (district), e.g. "SW9" for "SW9 8AB". Expects a normalised postcode.</summary>
    public static string Outward(string normalised) => normalised[..normalised.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The sector, e.g. "SW9 8" for "SW9 8AB". Expects a normalised postcode.</summary>
    public static string Sector(string normalised) => normalised[..^2];

    // Royal Mail's rules: first letter not Q, V or X; second not I, J or Z; a letter in third
    // position (A9A) from ABCDEFGHJKPSTUW; in fourth (AA9A) from ABEHMNPRVWXY; the inward
    // code is a digit and two letters, never C, I, K, M, O or V.
    [GeneratedRegex(
        "^(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex FullPostcode();
}
