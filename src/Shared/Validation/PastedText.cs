using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pilot.Shared.Validation;

/// <summary>
/// Cleans a value typed, pasted or exported from a spreadsheet before it is validated, as GOV.UK Notify
/// cleans its recipients' numbers and address lines: invisible format characters (zero-width space and
/// joiners, word joiner, byte-order mark, soft hyphen) go; a tab or any Unicode space (non-breaking,
/// narrow, figure...) becomes a space; runs of spaces become one; the ends lose their whitespace, a
/// trailing CR/LF included. A line break inside the value stays, so the field's own rule still refuses it.
/// The one cleaning for every field a person fills in on the parents' form and the offices' CSV.
/// </summary>
public static class PastedText
{
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            if (c == '\t' || category == UnicodeCategory.SpaceSeparator)
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }
}
