using System.Text.Json;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Venues;

/// <summary>
/// The Venues table (one partition: a few dozen rows). Read whole and kept for a minute, because
/// every text names its venue and venues change rarely.
/// </summary>
public sealed class VenueStore(StorageClients storage, TimeProvider time)
{
    private const string Partition = "venue";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private (DateTimeOffset LoadedAt, IReadOnlyDictionary<string, Venue> Venues)? _cache;

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
                venues[venue.Id] = venue;
            }
        }

        _cache = (time.GetUtcNow(), venues);
        return venues;
    }

    public async Task<Venue?> GetAsync(string venueId, CancellationToken ct)
        => (await AllAsync(ct)).GetValueOrDefault(venueId);

    /// <summary>Writes venues (insert or replace), in batches of the one partition.</summary>
    public async Task UpsertAsync(IEnumerable<Venue> venues, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Venues, ct);
        foreach (var chunk in venues.Chunk(100))
        {
            var actions = chunk.Select(v => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(Partition, v.Id) { ["Json"] = JsonSerializer.Serialize(v, JsonDefaults.Web), ["Kind"] = v.Kind, ["Name"] = v.Name }));
            await table.SubmitTransactionAsync(actions, ct);
        }

        _cache = null;
    }
}
