using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.Bulk;

/// <summary>
/// An office's CSV of invitations, one row per parent, checked row by row: good rows are sent as if
/// posted one at a time, bad rows come back with their line and reasons. A file that cannot be read
/// as a whole (no header, an unknown column, broken quoting) is refused before any row is acted on.
/// </summary>
public sealed class WfiBulkImport(WfiInvitationDesk desk, ParentRegistration registration, ILogger<WfiBulkImport> logger)
{
    public const int MaxRows = 1000;

    public async Task<Outcome<WfiBulkResult>> ImportAsync(Caller caller, string csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (records, error) = CsvReader.Read(csv ?? "");
        if (error is not null)
        {
            return Outcome<WfiBulkResult>.Invalid("csv", error);
        }

        if (records.Count < 2)
        {
            return Outcome<WfiBulkResult>.Invalid("csv", "a header row and at least one row are required");
        }

        if (records.Count - 1 > MaxRows)
        {
            return Outcome<WfiBulkResult>.Invalid("csv", $"at most {MaxRows} rows in one file");
        }

        var headerErrors = new List<FieldError>();
        var columns = WfiBulkColumns.ReadHeader(records[0].Fields, headerErrors);
        if (headerErrors.Count > 0)
        {
            return Outcome<WfiBulkResult>.Invalid(headerErrors);
        }

        var accepted = new List<WfiBulkAccepted>();
        var rejected = new List<WfiBulkRejected>();
        foreach (var record in records.Skip(1))
        {
            var errors = new List<FieldError>();
            var row = WfiBulkColumns.ToRow(record, columns, errors);
            if (errors.Count > 0)
            {
                rejected.Add(Rejected(record.Line, errors, null));
                continue;
            }

            var request = row.Invitation;
            string? registeredId = null;
            if (row.NewParent is not null && await registration.FindSameAsync(caller, row.NewParent, ct) is { } known)
            {
                // Registered before (by this file sent earlier, say): the row invites that parent, not a copy of them.
                registeredId = known.Id;
                request = request with { ParentId = registeredId };
            }
            else if (row.NewParent is not null)
            {
                var registered = await registration.RegisterAsync(caller, row.NewParent, ct);
                if (!registered.IsOk)
                {
                    rejected.Add(Rejected(record.Line, [.. registered.Errors.Select(ToColumn)], null));
                    continue;
                }

                registeredId = registered.Value!.Id;
                request = request with { ParentId = registeredId };
            }

            var created = await desk.CreateAsync(caller, request, "bulk", ct);
            if (created.IsOk)
            {
                accepted.Add(new WfiBulkAccepted(record.Line, created.Value!.Id, created.Value.Reference, request.ParentId!));
            }
            else
            {
                rejected.Add(Rejected(record.Line, [.. created.Errors.Select(ToColumn)], registeredId));
            }
        }

        logger.LogInformation("Bulk WFI file from office {OfficeId}: {Accepted} row(s) accepted, {Rejected} rejected", caller.OfficeId, accepted.Count, rejected.Count);
        return Outcome<WfiBulkResult>.Ok(new WfiBulkResult(accepted, rejected));
    }

    private static WfiBulkRejected Rejected(int line, IReadOnlyList<FieldError> errors, string? parentId)
        => new(line, errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal), parentId);

    /// <summary>The JSON path of a request field as the CSV column it came from.</summary>
    private static FieldError ToColumn(FieldError error) => error with
    {
        Field = error.Field switch
        {
            "options.jobcentre.startsAt" => "jobcentreStartsAt",
            "options.jobcentre.venueId" => "jobcentreVenueId",
            "options.centre.startsAt" => "centreStartsAt",
            "options.centre.venueId" => "centreVenueId",
            "address.postcode" => "postcode",
            "address.lines" => "addressLine1",
            "consents.reminders" => "remindersConsent",
            var f when f.StartsWith("address.lines[", StringComparison.Ordinal) => $"addressLine{int.Parse(f[14..^1], System.Globalization.CultureInfo.InvariantCulture) + 1}",
            var f => f,
        },
    };
}

/// <summary>The answer to <c>POST /api/wfi-invitations/bulk</c>.</summary>
public sealed record WfiBulkResult(IReadOnlyList<WfiBulkAccepted> Accepted, IReadOnlyList<WfiBulkRejected> Rejected);

/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
public sealed record WfiBulkAccepted(int Line, string Id, string Reference, string ParentId);

/// <param name="ParentId">Set when the row's parent was registered but the invitation was refused: send the row again with this parentId.</param>
public sealed record WfiBulkRejected(int Line, IReadOnlyDictionary<string, string[]> Errors, string? ParentId);
