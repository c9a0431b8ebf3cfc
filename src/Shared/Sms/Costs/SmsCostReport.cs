using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Time;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Sms.Costs;

/// <summary>
/// The cost of one London day's texts, read from the Texts table; nothing extra is written when a
/// text is sent, so sends stay idempotent (a counter row would need its own de-duplication).
/// </summary>
/// <remarks>
/// Texts are partitioned by their UTC due minute (<see cref="DueBuckets"/>), and those keys sort in
/// time order, so the day is ONE partition-range query (<c>PartitionKey ge first minute and lt the
/// next day's</c>) with <c>select</c> of the three columns needed, rather than 1,440 single-partition
/// queries, most of them for empty minutes. The service pages through it (1,000 entities a page, and
/// a continuation at partition-server boundaries), reading each of the day's texts once: fine for a
/// daily report. A text counts on the London day it fell due; a sender deferred by quiet hours moves
/// the text to its new minute, so that is the day it went, give or take the dispatch lag at midnight.
/// Texts recorded before <c>Cost</c> existed are priced at today's <c>Sms:PricePerFragment</c>.
/// </remarks>
public sealed class SmsCostReport(StorageClients storage, IOptions<SmsOptions> options, TimeProvider time)
{
    public const string Currency = "GBP";

    public async Task<Outcome<DailySmsCost>> ForDayAsync(string? date, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Outcome<DailySmsCost>.Invalid("date", "must be a London date like 2026-03-03 (yyyy-MM-dd)");
        }

        if (DateBounds.Near(time.GetUtcNow()) is var near && !near.Contains(day))
        {
            return Outcome<DailySmsCost>.Invalid([near.Refusal("date")]);
        }

        return Outcome<DailySmsCost>.Ok(await ForDayAsync(day, ct));
    }

    public async Task<DailySmsCost> ForDayAsync(DateOnly day, CancellationToken ct)
    {
        var (from, to) = Buckets(day);
        var table = await storage.TableAsync(TableNames.Texts, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and Fragments ge 1");
        var price = options.Value.PricePerFragment;
        var byProvider = new Dictionary<string, ProviderSmsCost>(StringComparer.Ordinal);
        await foreach (var text in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [nameof(TextEntity.Provider), nameof(TextEntity.Fragments), nameof(TextEntity.Cost)], cancellationToken: ct))
        {
            var fragments = text.GetInt32(nameof(TextEntity.Fragments)) ?? 0;
            var cost = text.GetDouble(nameof(TextEntity.Cost)) is { } recorded ? Math.Round((decimal)recorded, 6) : fragments * price;
            var provider = text.GetString(nameof(TextEntity.Provider)) ?? "unknown";
            var sum = byProvider.GetValueOrDefault(provider, new ProviderSmsCost(0, 0, 0m));
            byProvider[provider] = new ProviderSmsCost(sum.Messages + 1, sum.Fragments + fragments, sum.Cost + cost);
        }

        return new DailySmsCost(
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            byProvider.Values.Sum(p => p.Messages),
            byProvider.Values.Sum(p => p.Fragments),
            byProvider.Values.Sum(p => p.Cost),
            Currency,
            byProvider);
    }

    /// <summary>The first due-minute partition of the London day and the first of the next (23, 24 or 25 hours later).</summary>
    internal static (string From, string To) Buckets(DateOnly day) =>
        (DueBuckets.Name(LondonTime.FromLocal(day.ToDateTime(TimeOnly.MinValue))),
         DueBuckets.Name(LondonTime.FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue))));
}
