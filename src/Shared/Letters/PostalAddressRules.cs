using System.Text;
using System.Text.RegularExpressions;
using Pilot.Shared.Letters.Layout;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Letters;

/// <summary>
/// Checks an address the way GOV.UK Notify does before it accepts a letter (notifications-utils
/// <c>PostalAddress.valid</c>): cleaned as pasted text (<see cref="PastedText"/>: tabs become spaces, zero-width
/// characters go), whitespace normalised, trailing commas and spaces dropped, blank
/// lines removed; then 3 to 7 lines, the last a real UK postcode, no line starting with one of
/// <c>@()=[]"\/,&lt;&gt;~</c>, a letter or digit in the first two lines, and not "no fixed abode"
/// (or "no fixed address", or a line that is just "NFA"). One rule of our own: a line is at most
/// <see cref="MaxLineLength"/> characters and, measured in the letter's font at its smallest address
/// size, fits the envelope window, so every address that passes can be printed.
/// </summary>
public static partial class PostalAddressRules
{
    public const int MinLines = 3;
    public const int MaxLines = 7;
    public const int MaxLineLength = 50;

    /// <summary>Notify's <c>INVALID_CHARACTERS_AT_START_OF_ADDRESS_LINE</c>.</summary>
    public const string ForbiddenFirstCharacters = "@()=[]\"\\/,<>~";

    /// <param name="lines">Name first, postcode last; blank lines are ignored.</param>
    /// <param name="field">The JSON path to name in errors, e.g. "address": errors name
    /// <c>address.lines</c> (the count) or <c>address.lines[2]</c> (the input index of the line).</param>
    public static Outcome<PostalAddress> Validate(IReadOnlyList<string?>? lines, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var numbered = (lines ?? []).Select((line, index) => (Line: line, Field: $"{field}.lines[{index}]")).ToList();
        return Check(numbered, field);
    }

    /// <summary>The same rules for an address given as lines plus a separate postcode (the parent's
    /// registration form): a postcode error names <c>{field}.postcode</c>.</summary>
    public static Outcome<PostalAddress> Validate(IReadOnlyList<string?>? lines, string? postcode, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var numbered = (lines ?? []).Select((line, index) => (Line: line, Field: $"{field}.lines[{index}]")).ToList();
        numbered.Add((postcode, $"{field}.postcode"));
        return Check(numbered, field);
    }

    private static Outcome<PostalAddress> Check(List<(string? Line, string Field)> numbered, string field)
    {
        var errors = new List<FieldError>();
        var kept = new List<(string Line, string Field)>();
        foreach (var (raw, lineField) in numbered)
        {
            // A tab becomes a space, as Notify reads it; a line break inside a line is still refused.
            var cleaned = PastedText.Clean(raw);
            if (cleaned is not null && cleaned.Any(char.IsControl))
            {
                errors.Add(new FieldError(lineField, "must not contain line breaks or control characters"));
                continue;
            }

            var line = Normalise(cleaned);
            if (line.Length > 0)
            {
                kept.Add((line, lineField));
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<PostalAddress>.Invalid(errors);
        }

        if (kept.Count < MinLines)
        {
            return Outcome<PostalAddress>.Invalid($"{field}.lines", $"must have at least {MinLines} lines: a name, the address and the postcode");
        }

        if (kept.Count > MaxLines)
        {
            return Outcome<PostalAddress>.Invalid($"{field}.lines", $"must have at most {MaxLines} lines, the postcode included");
        }

        var (lastLine, postcodeField) = kept[^1];
        if (!PostcodeDirectory.Default.TryResolve(lastLine, out var location, out var postcodeError))
        {
            errors.Add(new FieldError(postcodeField, $"the last line of the address {postcodeError}"));
        }
        else
        {
            kept[^1] = (location!.Postcode, postcodeField);
        }

        for (var i = 0; i < kept.Count; i++)
        {
            var (line, lineField) = kept[i];
            if (ForbiddenFirstCharacters.Contains(line[0], StringComparison.Ordinal))
            {
                errors.Add(new FieldError(lineField, $"must not start with any of {string.Join(' ', ForbiddenFirstCharacters.ToCharArray())}"));
            }
            else if (i < 2 && !line.Any(char.IsLetterOrDigit))
            {
                errors.Add(new FieldError(lineField, "must contain a letter or a number"));
            }
            else if (line.Length > MaxLineLength)
            {
                errors.Add(new FieldError(lineField, $"must be at most {MaxLineLength} characters to fit the envelope window"));
            }
            else if (!WfiLetterLayout.FitsAddressWindow(line))
            {
                errors.Add(new FieldError(lineField, "is too wide to print in the envelope window; shorten it"));
            }
            else if (IsNoFixedAbode(line))
            {
                errors.Add(new FieldError(lineField, "must be a real address: letters cannot go to \"no fixed abode\""));
            }
        }

        // The phrase may also be split over two lines ("No fixed" / "abode").
        if (errors.Count == 0 && NoFixedAbode().IsMatch(string.Join(' ', kept.Select(k => k.Line))))
        {
            errors.Add(new FieldError($"{field}.lines", "must be a real address: letters cannot go to \"no fixed abode\""));
        }

        return errors.Count > 0
            ? Outcome<PostalAddress>.Invalid(errors)
            : Outcome<PostalAddress>.Ok(new PostalAddress([.. kept.Select(k => k.Line)]));
    }

    private static bool IsNoFixedAbode(string line) =>
        string.Equals(line, "nfa", StringComparison.OrdinalIgnoreCase) || NoFixedAbode().IsMatch(line);

    /// <summary>On a line already cleaned (<see cref="PastedText"/>): trailing spaces and commas go, and so does a space
    /// before punctuation ("Flat 1 , High St" reads "Flat 1, High St"), as Notify prints it.</summary>
    private static string Normalise(string? cleaned)
    {
        if (string.IsNullOrEmpty(cleaned))
        {
            return "";
        }

        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned.Normalize(NormalizationForm.FormC))
        {
            if (c is (',' or '.' or ';' or ':' or '!' or '?') && builder.Length > 0 && builder[^1] == ' ')
            {
                builder.Length--;
            }

            builder.Append(c);
        }

        return builder.ToString().TrimEnd(' ', ',');
    }

    [GeneratedRegex(@"\bno fixed (abode|address)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NoFixedAbode();
}
