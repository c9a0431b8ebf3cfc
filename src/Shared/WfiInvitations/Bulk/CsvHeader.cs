using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.Bulk;

/// <summary>The header row of an uploaded CSV: column names matched to a known list, any case, each once.</summary>
public static class CsvHeader
{
    /// <summary>Column name → index; errors (naming <c>header</c>) for an unknown, repeated or missing column.</summary>
    public static IReadOnlyDictionary<string, int> Read(IReadOnlyList<string> header, IReadOnlyList<string> known, IReadOnlyList<string> required, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(errors);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = known.FirstOrDefault(c => string.Equals(c, header[i].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new FieldError("header", $"unknown column \"{Shorten(header[i].Trim())}\" (columns: {string.Join(", ", known)})"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new FieldError("header", $"column {name} appears twice"));
            }
        }

        errors.AddRange(required.Where(r => !columns.ContainsKey(r)).Select(r => new FieldError("header", $"column {r} is required")));
        return columns;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
