using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// The WfiInvitations table (partition per office) and its index table WfiInvitationIndex: partition
/// <c>ref</c> (reference → office and id; inserting it claims the reference), <c>parent-{id}</c> (a
/// parent's invitations, for text replies), <c>open</c> (RowKey starts with the respondBy date, so
/// the default timer reads only those due, with one range query) and <c>same</c> (RowKey the SHA-256 of
/// office, parent and the two options: inserting it claims "this invitation", so a request or a file sent
/// twice cannot post the parent two letters). Partitions <c>list-{office}</c> and <c>list-all</c> hold one row per
/// invitation keyed newest first (<see cref="ListRowKey"/>) with its reply date and reference, for the console's list.
/// </summary>
public sealed class WfiInvitationStore(StorageClients storage)
{
    private const string ReferencePartition = "ref";
    private const string OpenPartition = "open";
    private const string SamePartition = "same";
    private const string ListPartitionPrefix = "list-";
    private const string ListAllPartition = "list-all";

    private Task<TableClient> Invitations(CancellationToken ct) => storage.TableAsync(TableNames.WfiInvitations, ct);

    private Task<TableClient> Index(CancellationToken ct) => storage.TableAsync(TableNames.WfiInvitationIndex, ct);

    public async Task<WfiInvitationEntity?> GetAsync(string officeId, string id, CancellationToken ct)
    {
        if (!KeySafe(officeId) || !KeySafe(id))
        {
            return null;
        }

        var found = await (await Invitations(ct)).GetEntityIfExistsAsync<WfiInvitationEntity>(officeId, id, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Claims a reference for an invitation; false when another invitation has it.</summary>
    public async Task<bool> TryClaimReferenceAsync(string reference, string officeId, string id, CancellationToken ct)
    {
        try
        {
            await (await Index(ct)).AddEntityAsync(new TableEntity(ReferencePartition, reference) { ["OfficeId"] = officeId, ["InvitationId"] = id }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Claims <paramref name="key"/> (see <see cref="SameInvitationKey"/>) for invitation <paramref name="id"/>, or, when
    /// an invitation holds it already, says which.
    /// </summary>
    public async Task<SameInvitationClaim> ClaimSameAsync(string key, string id, CancellationToken ct)
    {
        var index = await Index(ct);
        try
        {
            await index.AddEntityAsync(new TableEntity(SamePartition, key) { ["InvitationId"] = id }, ct);
            return new SameInvitationClaim(id, default);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var held = await index.GetEntityIfExistsAsync<TableEntity>(SamePartition, key, cancellationToken: ct);
            return held.HasValue && held.Value is { } row
                ? new SameInvitationClaim(row.GetString("InvitationId"), row.ETag)
                : new SameInvitationClaim(null, default);
        }
    }

    /// <summary>Moves the claim to invitation <paramref name="id"/> if it was not changed since <paramref name="held"/> was read.</summary>
    public async Task<bool> TryTakeOverSameAsync(string key, SameInvitationClaim held, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(held);
        return await (await Index(ct)).TryReplaceAsync(new TableEntity(SamePartition, key) { ["InvitationId"] = id, ETag = held.ETag }, ct);
    }

    /// <summary>What makes two invitations the same: one office, one parent, the same two appointments offered.</summary>
    public static string SameInvitationKey(string officeId, string parentId, string jobcentreVenueId, DateTimeOffset jobcentreStartsAt, string centreVenueId, DateTimeOffset centreStartsAt)
    {
        return TableKeys.Sha256Hex(string.Join('|', officeId, parentId, jobcentreVenueId, jobcentreStartsAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), centreVenueId, centreStartsAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
    }

    public async Task<WfiInvitationEntity?> FindByReferenceAsync(string reference, CancellationToken ct)
    {
        if (!KeySafe(reference))
        {
            return null;
        }

        var row = await (await Index(ct)).GetEntityIfExistsAsync<TableEntity>(ReferencePartition, reference, cancellationToken: ct);
        return row.HasValue && row.Value is { } found ? await GetAsync(found.GetString("OfficeId"), found.GetString("InvitationId"), ct) : null;
    }

    /// <summary>
    /// Writes the index rows first: an index row without its invitation is skipped by readers. False when an
    /// invitation with this id exists already.
    /// </summary>
    public async Task<bool> TryAddAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var index = await Index(ct);
        await index.UpsertEntityAsync(new TableEntity(ParentPartition(invitation.ParentId), invitation.Id) { ["OfficeId"] = invitation.OfficeId }, TableUpdateMode.Replace, ct);
        await index.UpsertEntityAsync(OpenRow(invitation), TableUpdateMode.Replace, ct);
        await index.UpsertEntityAsync(ListRow(ListPartitionPrefix + invitation.OfficeId, invitation), TableUpdateMode.Replace, ct);
        await index.UpsertEntityAsync(ListRow(ListAllPartition, invitation), TableUpdateMode.Replace, ct);
        try
        {
            await (await Invitations(ct)).AddEntityAsync(invitation, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(WfiInvitationEntity invitation, CancellationToken ct)
        => await (await Invitations(ct)).TryReplaceAsync(invitation, ct);

    /// <summary>Once chosen, defaulted or cancelled, the default timer has nothing to do for it.</summary>
    public async Task CloseAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var row = OpenRow(invitation);
        try
        {
            await (await Index(ct)).DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Closed before.
        }
    }

    /// <summary>Every invitation of a parent, any office.</summary>
    public async Task<IReadOnlyList<WfiInvitationEntity>> ForParentAsync(string parentId, CancellationToken ct)
    {
        var found = new List<WfiInvitationEntity>();
        var partition = ParentPartition(parentId);
        await foreach (var row in (await Index(ct)).QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
        {
            if (await GetAsync(row.GetString("OfficeId"), row.RowKey, ct) is { } invitation)
            {
                found.Add(invitation);
            }
        }

        return found;
    }

    /// <summary>Open invitations whose respondBy date is before <paramref name="date"/> (London yyyy-MM-dd).</summary>
    public async Task<IReadOnlyList<WfiInvitationEntity>> OpenWithRespondByBeforeAsync(string date, CancellationToken ct)
    {
        var before = date.Replace("-", "", StringComparison.Ordinal);
        var found = new List<WfiInvitationEntity>();
        await foreach (var row in (await Index(ct)).QueryAsync<TableEntity>(e => e.PartitionKey == OpenPartition && e.RowKey.CompareTo(before) < 0, cancellationToken: ct))
        {
            // The invitation's own date decides: a row left by a copy of the request that lost the race to make
            // it (see WfiInvitationDesk) may carry another date.
            if (await GetAsync(row.GetString("OfficeId"), row.GetString("InvitationId"), ct) is { } invitation
                && string.CompareOrdinal(invitation.RespondBy, date) < 0)
            {
                found.Add(invitation);
            }
        }

        return found;
    }

    /// <summary>An office's invitations (or every office's when <paramref name="officeId"/> is null) requested in [from, to).</summary>
    public async Task<IReadOnlyList<WfiInvitationEntity>> RequestedBetweenAsync(string? officeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var table = await Invitations(ct);
        var found = new List<WfiInvitationEntity>();
        var query = officeId is null
            ? table.QueryAsync<WfiInvitationEntity>(e => e.RequestedAt >= from && e.RequestedAt < to, cancellationToken: ct)
            : table.QueryAsync<WfiInvitationEntity>(e => e.PartitionKey == officeId && e.RequestedAt >= from && e.RequestedAt < to, cancellationToken: ct);
        await foreach (var invitation in query)
        {
            found.Add(invitation);
        }

        return found;
    }

    /// <summary>
    /// One page of an office's list rows (every office's when <paramref name="officeId"/> is null), newest first, with
    /// a reply date in [<paramref name="respondFrom"/>, <paramref name="respondTo"/>] (yyyy-MM-dd, either may be null),
    /// from where <paramref name="continuation"/> left off. The partition is fixed by the filter, so a token altered
    /// to name another partition still reads nothing outside it.
    /// </summary>
    public async Task<(IReadOnlyList<WfiInvitationListRow> Rows, string? Next)> ListPageAsync(
        string? officeId, string? respondFrom, string? respondTo, string? continuation, int pageSize, CancellationToken ct)
    {
        var partition = officeId is null ? ListAllPartition : ListPartitionPrefix + officeId;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (respondFrom is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RespondBy ge {respondFrom}");
        }

        if (respondTo is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RespondBy le {respondTo}");
        }

        await foreach (var page in (await Index(ct)).QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct).AsPages(continuation, pageSize))
        {
            return ([.. page.Values.Select(r => new WfiInvitationListRow(r.GetString("OfficeId"), r.GetString("InvitationId"), r.GetString("Reference"), r.GetString("RespondBy")))], page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Newest first: ticks counted down from the end of time, then the id for invitations requested at the same tick.</summary>
    public static string ListRowKey(DateTimeOffset requestedAt, string id)
        => string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - requestedAt.UtcTicks:D19}-{id}");

    public static string ParentPartition(string parentId) => "parent-" + parentId;

    private static TableEntity ListRow(string partition, WfiInvitationEntity invitation)
        => new(partition, ListRowKey(invitation.RequestedAt, invitation.Id))
        {
            ["OfficeId"] = invitation.OfficeId,
            ["InvitationId"] = invitation.Id,
            ["Reference"] = invitation.Reference,
            ["RespondBy"] = invitation.RespondBy,
        };

    private static TableEntity OpenRow(WfiInvitationEntity invitation)
        => new(OpenPartition, $"{invitation.RespondBy.Replace("-", "", StringComparison.Ordinal)}-{invitation.Id}")
        {
            ["OfficeId"] = invitation.OfficeId,
            ["InvitationId"] = invitation.Id,
        };

    /// <summary>Table keys may not hold / \ # ? or control characters; such ids are simply not found.</summary>
    private static bool KeySafe(string? key)
        => !string.IsNullOrEmpty(key) && key.Length <= 200 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}

/// <summary>An invitation's row in the list index: enough to read it and to filter by reply date.</summary>
public sealed record WfiInvitationListRow(string OfficeId, string InvitationId, string Reference, string RespondBy);

/// <param name="InvitationId">The invitation that holds the claim; null when the claim vanished meanwhile.</param>
public sealed record SameInvitationClaim(string? InvitationId, ETag ETag);
