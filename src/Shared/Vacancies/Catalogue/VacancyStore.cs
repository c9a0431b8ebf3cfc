using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Areas;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>
/// Vacancies under three keys, each for one reader:
/// <list type="bullet">
/// <item><c>Vacancies</c>: PK and RK the ref: one point read by ref (the sender's expiry check). (A row key shared by
/// every vacancy made each of Azurite's point reads compare them all; Azure does not care.)</item>
/// <item><c>VacancyCells</c>: PK 10 km map cell, RK ref: "open vacancies near a parent" (GET matches).</item>
/// <item><c>VacancyFeed</c>: PK the UTC minute it arrived (<c>yyyyMMddHHmm</c>), RK ref: "new since the
/// cursor" is one partition-range query for the alert timer, whatever the catalogue holds.</item>
/// </list>
/// </summary>
public sealed class VacancyStore(StorageClients storage)
{
    private const int MaxBatch = 100;
    private const int Concurrency = 16;

    public async Task<VacancyEntity?> GetAsync(string reference, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Vacancies, ct);
        var found = await table.GetEntityIfExistsAsync<VacancyEntity>(reference, reference, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Stores a batch: each vacancy by ref (replacing an earlier one with that ref), in its cell (moving
    /// it when its postcode changed), and in the feed minute <paramref name="feedBucket"/>.
    /// </summary>
    public async Task SaveAsync(IReadOnlyList<VacancyEntity> vacancies, string feedBucket, CancellationToken ct)
    {
        var primary = await storage.TableAsync(TableNames.Vacancies, ct);
        var cells = await storage.TableAsync(TableNames.VacancyCells, ct);
        var feed = await storage.TableAsync(TableNames.VacancyFeed, ct);

        var moved = new List<(string Cell, string Ref)>();
        await Parallel.ForEachAsync(vacancies, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (vacancy, token) =>
        {
            var earlier = await primary.GetEntityIfExistsAsync<TableEntity>(vacancy.Ref, vacancy.Ref, select: ["Cell"], cancellationToken: token);
            if (earlier.HasValue && earlier.Value!.GetString("Cell") is { } oldCell && oldCell != vacancy.Cell)
            {
                lock (moved)
                {
                    moved.Add((oldCell, vacancy.Ref));
                }
            }

            await primary.UpsertEntityAsync(vacancy.Copy(vacancy.Ref, vacancy.Ref), TableUpdateMode.Replace, token);
        });

        // Cell rows first, then the feed: once the timer can see a vacancy, GET matches can too.
        foreach (var cell in vacancies.GroupBy(v => v.Cell))
        {
            await UpsertBatchesAsync(cells, cell.Select(v => v.Copy(cell.Key, v.Ref)), ct);
        }

        foreach (var (cell, reference) in moved)
        {
            try
            {
                await cells.DeleteEntityAsync(cell, reference, ETag.All, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Already gone.
            }
        }

        await UpsertBatchesAsync(feed, vacancies.Select(v => v.Copy(feedBucket, v.Ref)), ct);
    }

    /// <summary>Open vacancies in the cells within <paramref name="km"/> of the point (the caller checks the exact distance).</summary>
    public async Task<IReadOnlyList<VacancyEntity>> OpenNearAsync(GeoPoint point, double km, DateTimeOffset now, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.VacancyCells, ct);
        var found = new List<VacancyEntity>();
        foreach (var (from, to) in GeoGrid.VacancyRangesWithin(point, km))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to} and ExpiresAt gt {now}");
            await foreach (var vacancy in table.QueryAsync<VacancyEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            {
                found.Add(vacancy);
            }
        }

        return found;
    }

    /// <summary>Everything that arrived in the feed minutes after <paramref name="afterBucket"/> up to <paramref name="upToBucket"/>: one range query.</summary>
    public async Task<IReadOnlyList<VacancyEntity>> FeedAsync(string afterBucket, string upToBucket, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.VacancyFeed, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {afterBucket} and PartitionKey le {upToBucket}");
        var found = new List<VacancyEntity>();
        await foreach (var vacancy in table.QueryAsync<VacancyEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            found.Add(vacancy);
        }

        return found;
    }

    /// <summary>The feed minute a vacancy arriving at <paramref name="now"/> is filed under.</summary>
    public static string FeedBucket(DateTimeOffset now) => DueBuckets.Name(DueBuckets.LastDueMinute(now));

    private static async Task UpsertBatchesAsync(TableClient table, IEnumerable<VacancyEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
        }
    }
}
