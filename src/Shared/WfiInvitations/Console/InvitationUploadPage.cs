using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Bulk;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// The console's file upload (<c>/api/office/invitations/upload</c>): the same <see cref="WfiBulkImport"/> as
/// <c>POST /api/wfi-invitations/bulk</c>, its answer as a table per row, and the refused rows as a CSV with the file's
/// own header, to correct and upload again. A refused row whose parent was registered gets that parent's id in the
/// parentId column (when the file has one), so sending it again does not register them twice.
/// </summary>
public sealed class InvitationUploadPage(WfiBulkImport import)
{
    public const string RefusedFileName = "refused-rows.csv";

    /// <returns>The results page's model, or what is wrong with the file as a whole (field <c>file</c>).</returns>
    public async Task<Outcome<IReadOnlyDictionary<string, object?>>> UploadAsync(Caller caller, string csv, CancellationToken ct)
    {
        var outcome = await import.ImportAsync(caller, csv, ct);
        if (!outcome.IsOk)
        {
            return Outcome<IReadOnlyDictionary<string, object?>>.Invalid([.. outcome.Errors.Select(e => new FieldError("file", e.Field == "header" ? $"The header row: {e.Message}" : Sentence(e.Message)))]);
        }

        var result = outcome.Value!;
        var rows = result.Accepted.Select(a => (a.Line, Row: (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["line"] = a.Line,
                ["accepted"] = true,
                ["reference"] = a.Reference,
                ["id"] = a.Id,
            }))
            .Concat(result.Rejected.SelectMany(r => r.Errors.SelectMany(e => e.Value.Select(message => (r.Line, Row: (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["line"] = r.Line,
                ["accepted"] = false,
                ["column"] = e.Key,
                ["reason"] = message,
            })))))
            .OrderBy(r => r.Line)
            .Select(r => r.Row)
            .ToList();
        IReadOnlyDictionary<string, object?> model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uploaded"] = true,
            ["accepted_count"] = result.Accepted.Count,
            ["refused_count"] = result.Rejected.Count,
            ["results"] = rows,
            ["refused_csv"] = result.Rejected.Count == 0 ? null : RefusedRows(csv, result.Rejected),
        };
        return Outcome<IReadOnlyDictionary<string, object?>>.Ok(model);
    }

    /// <summary>The header and the refused rows of <paramref name="csv"/>, as they were sent (plus a registered parent's id).</summary>
    public static string RefusedRows(string csv, IReadOnlyList<WfiBulkRejected> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var (records, _) = CsvReader.Read(csv ?? "");
        if (records.Count == 0)
        {
            return "";
        }

        var header = records[0].Fields;
        var parentColumn = header.ToList().FindIndex(name => string.Equals(name.Trim(), WfiBulkColumns.ParentId, StringComparison.OrdinalIgnoreCase));
        var byLine = rejected.ToDictionary(r => r.Line);
        var refused = records.Skip(1).Where(r => byLine.ContainsKey(r.Line)).Select(r =>
        {
            var fields = r.Fields.ToList();
            if (byLine[r.Line].ParentId is { } parentId && parentColumn >= 0 && parentColumn < fields.Count && string.IsNullOrWhiteSpace(fields[parentColumn]))
            {
                fields[parentColumn] = parentId;
            }

            return (IReadOnlyList<string>)fields;
        });
        return CsvWriter.Write([header, .. refused]);
    }

    private static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}
