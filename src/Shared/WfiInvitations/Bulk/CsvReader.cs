using System.Text;

namespace Pilot.Shared.WfiInvitations.Bulk;

/// <summary>
/// Reads RFC 4180 CSV: fields separated by commas, optionally in double quotes (a quoted field may hold
/// commas, line breaks and "" for a quote); CRLF or LF line ends; blank lines skipped.
/// </summary>
public static class CsvReader
{
    /// <returns>The records, each with the line it starts on; or an error naming the line.</returns>
    public static (IReadOnlyList<CsvRecord> Records, string? Error) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case '"':
                    return ([], $"line {line}: a quote inside a field that does not start with one");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            return ([], $"line {recordLine}: a quoted field is not closed");
        }

        EndRecord();
        return (records, null);

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }
    }
}

public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
