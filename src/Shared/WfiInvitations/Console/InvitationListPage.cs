using System.Globalization;
using Azure;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// The console's list of invitations (<c>/api/office/invitations</c>): an office's own (central: every office's),
/// newest first, one page at a time from the list index's continuation token. The reply-date range is filtered by the
/// table itself; status and name are filtered on the rows read, so a page reads on until it is full or
/// <see cref="ScanLimit"/> rows were looked at, and says so. A reference is looked up directly. Parent names are not
/// copied onto invitations (personal data lives once, in the Parents table, where erasure removes it): a name search
/// reads each row's parent.
/// </summary>
public sealed class InvitationListPage(WfiInvitationStore store, ParentStore parents, VenueStore venues)
{
    public const int PageSize = 20;
    public const int ScanLimit = 200;
    private const int MaxReads = 12;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<IReadOnlyDictionary<string, object?>> BuildAsync(Caller caller, InvitationListQuery asked, Outcome<InvitationListQuery> checkedQuery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(checkedQuery);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["status"] = asked.Status,
            ["respond_from"] = asked.RespondFrom,
            ["respond_to"] = asked.RespondTo,
            ["search"] = asked.Search,
            ["status_options"] = InvitationListQuery.Statuses.Select(s => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["value"] = s, ["selected"] = s == asked.Status }).ToList(),
            ["central"] = caller.Role == Role.Central,
            ["can_send"] = caller.Role == Role.Office,
        };
        foreach (var error in checkedQuery.Errors)
        {
            model[error.Field + "_error"] = error.Message;
        }

        if (!checkedQuery.IsOk)
        {
            return model;
        }

        var query = checkedQuery.Value!;
        var (rows, next, scanned, expired) = await ReadAsync(caller, query, ct);
        if (expired)
        {
            model["page_error"] = "This page link is not valid: start again from the first page";
            return model;
        }

        var all = await venues.AllAsync(ct);
        model["rows"] = rows.Select(r => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = r.Invitation.Id,
            ["reference"] = r.Invitation.Reference,
            ["parent"] = r.Parent?.FullName ?? "(not on record)",
            ["status"] = r.Invitation.Status,
            ["respond_by"] = DateOnly.ParseExact(r.Invitation.RespondBy, RespondByDate.Format, CultureInfo.InvariantCulture).ToString("d MMM yyyy", English),
            ["requested"] = Time.LondonTime.ToLocal(r.Invitation.RequestedAt).ToString("d MMM yyyy", English),
            ["office"] = all.GetValueOrDefault(r.Invitation.OfficeId)?.Name ?? r.Invitation.OfficeId,
        }).ToList();
        model["listed"] = true;
        model["filtered"] = query != new InvitationListQuery(null, null, null, null, query.Page);
        model["next_href"] = next is null ? null : Href(query with { Page = InvitationListQuery.PageFromToken(next) });
        model["first_href"] = query.Page is null ? null : Href(query with { Page = null });
        model["scanned"] = scanned;
        model["stopped_early"] = next is not null && rows.Count < PageSize;
        return model;
    }

    /// <summary>The list's address for a query (the filters and the page, nothing personal but what was typed in Search).</summary>
    public static string Href(InvitationListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        Add(parts, "status", query.Status);
        Add(parts, "respondFrom", query.RespondFrom);
        Add(parts, "respondTo", query.RespondTo);
        Add(parts, "search", query.Search);
        Add(parts, "page", query.Page);
        return "/api/office/invitations" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    private async Task<(List<(WfiInvitationEntity Invitation, ParentEntity? Parent)> Rows, string? Next, int Scanned, bool Expired)> ReadAsync(Caller caller, InvitationListQuery query, CancellationToken ct)
    {
        var found = new List<(WfiInvitationEntity, ParentEntity?)>();
        var officeId = caller.Role == Role.Central ? null : caller.OfficeId ?? throw new InvalidOperationException($"The list is for offices and central, not {caller.Principal}.");
        if (query.Search is { } search && WfiReference.TryFind(search, out var reference, out var rest) && string.IsNullOrWhiteSpace(rest))
        {
            // A reference names one invitation: look it up, behind the same fence as the list.
            if (await store.FindByReferenceAsync(reference, ct) is { } invitation && (officeId is null || invitation.OfficeId == officeId) && Matches(invitation, query))
            {
                found.Add((invitation, await parents.GetAsync(invitation.ParentId, ct)));
            }

            return (found, null, 1, false);
        }

        var token = InvitationListQuery.TokenFromPage(query.Page);
        var scanned = 0;
        try
        {
            for (var reads = 0; reads < MaxReads; reads++)
            {
                var (rows, next) = await store.ListPageAsync(officeId, query.RespondFrom, query.RespondTo, token, PageSize - found.Count, ct);
                scanned += rows.Count;
                token = next;
                foreach (var row in rows)
                {
                    if (await store.GetAsync(officeId ?? row.OfficeId, row.InvitationId, ct) is not { } invitation || !Matches(invitation, query))
                    {
                        continue;
                    }

                    var parent = await parents.GetAsync(invitation.ParentId, ct);
                    if (query.Search is null || parent?.FullName.Contains(query.Search, StringComparison.OrdinalIgnoreCase) == true)
                    {
                        found.Add((invitation, parent));
                    }
                }

                if (token is null || found.Count >= PageSize || scanned >= ScanLimit)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 400 } or ArgumentException)
        {
            // A token from a link that was edited: the table (or its client) refuses it.
            return ([], null, 0, true);
        }

        return (found, token, scanned, false);
    }

    private static bool Matches(WfiInvitationEntity invitation, InvitationListQuery query)
        => (query.Status is null || invitation.Status == query.Status)
           && (query.RespondFrom is null || string.CompareOrdinal(invitation.RespondBy, query.RespondFrom) >= 0)
           && (query.RespondTo is null || string.CompareOrdinal(invitation.RespondBy, query.RespondTo) <= 0);

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
