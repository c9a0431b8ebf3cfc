using System.Text;

namespace Pilot.Shared.WfiInvitations.Bulk;

/// <summary>Writes RFC 4180 CSV that <see cref="CsvReader"/> reads back as it was: a field with a comma, quote or line break is quoted.</summary>
public static class CsvWriter
{
    public static string Write(IEnumerable<IReadOnlyList<string>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.AppendJoin(',', record.Select(Field)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Field(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
