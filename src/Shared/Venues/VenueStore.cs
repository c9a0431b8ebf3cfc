using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Venues;

/// <summary>
/// The Venues table (one partition: a few dozen rows). Read whole and kept for a minute, because
/// every text names its venue and venues change rarely; a write through this instance forgets the copy at
/// once (other instances see it within the minute). A venue's details are its <c>Json</c> column and its
/// retirement a column of its own, so loading the details again never undoes a retirement.
/// </summary>
public sealed class VenueStore(StorageClients storage, TimeProvider time)
{
    private const string Partition = "venue";
    private const string RetiredAtColumn = "RetiredAt";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    // One reference, swapped whole: a PUT forgetting the copy while a request reads it can never tear it.
    private volatile Cached? _cache;

    public async Task<IReadOnlyDictionary<string, Venue>> AllAsync(CancellationToken ct)
    {
        if (_cache is { } cached && time.GetUtcNow() - cached.LoadedAt < CacheFor)
        {
            return cached.Venues;
        }

        var table = await storage.TableAsync(TableNames.Venues, ct);
        var venues = new Dictionary<string, Venue>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            var venue = JsonSerializer.Deserialize<Venue>(entity.GetString("Json"), JsonDefaults.Web);
            if (venue is not null)
            {
                // Venues written before opening times were structured have none: they are then never open until loaded again.
                venues[venue.Id] = venue with { OpeningTimes = venue.OpeningTimes ?? [], RetiredAt = entity.GetDateTimeOffset(RetiredAtColumn) };
            }
        }

        _cache = new Cached(time.GetUtcNow(), venues);
        return venues;
    }

    /// <summary>All venues read from the table now, not from the minute's copy: for writes that check what is stored.</summary>
    public Task<IReadOnlyDictionary<string, Venue>> FreshAsync(CancellationToken ct)
    {
        _cache = null;
        return AllAsync(ct);
    }

    public async Task<Venue?> GetAsync(string venueId, CancellationToken ct)
        => (await AllAsync(ct)).GetValueOrDefault(venueId);

    /// <summary>Writes venues' details (insert, or replace the details and keep a retirement), in batches of the one partition.</summary>
    public async Task UpsertAsync(IEnumerable<Venue> venues, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(venues);
        var table = await storage.TableAsync(TableNames.Venues, ct);
        try
        {
            foreach (var chunk in venues.Chunk(100))
            {
                var actions = chunk.Select(v => new TableTransactionAction(
                    TableTransactionActionType.UpsertMerge,
                    new TableEntity(Partition, v.Id) { ["Json"] = JsonSerializer.Serialize(v with { RetiredAt = null }, JsonDefaults.Web), ["Kind"] = v.Kind, ["Name"] = v.Name }));
                await table.SubmitTransactionAsync(actions, ct);
            }
        }
        finally
        {
            _cache = null;
        }
    }

    /// <summary>Marks a venue retired at <paramref name="at"/> (kept if it was retired before).</summary>
    /// <returns>The venue as it now is, or null when no venue has the id.</returns>
    public async Task<Venue?> RetireAsync(string venueId, DateTimeOffset at, CancellationToken ct)
    {
        var existing = (await FreshAsync(ct)).GetValueOrDefault(venueId);
        if (existing is null)
        {
            return null;
        }

        if (existing.Retired)
        {
            return existing;
        }

        var table = await storage.TableAsync(TableNames.Venues, ct);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(Partition, venueId) { [RetiredAtColumn] = at }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        finally
        {
            _cache = null;
        }

        return existing with { RetiredAt = at };
    }

    private sealed record Cached(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, Venue> Venues);
}
