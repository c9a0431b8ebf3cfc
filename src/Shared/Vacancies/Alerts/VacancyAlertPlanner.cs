using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Areas;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// The alert timer's work. It reads the vacancy-feed minutes since its cursor (one range query),
/// then only the alert-profile partitions that can reach those vacancies (per reach band, three
/// key ranges of three cells each, each range read once per run however many vacancies share it),
/// matches them with <see cref="IndexedMatcher"/>, and for each match claims it in the parent's
/// ledger (never twice, weekly cap) before writing an alert text into Texts, or adding it to the
/// parent's daily digest. An alert due now (outside quiet hours) goes onto the send queue as soon as its text is
/// written (<see cref="DueNowAlerts"/>: 16 to a message, as the tick queues a minute) and is marked queued at the end
/// of the run, as a booking's confirmation is: it does not wait for the next
/// minute's dispatch tick, nor add to that tick's reminders. A run that dies in between leaves the text scheduled in
/// its minute for the tick, so nothing is lost; a text queued twice is sent once (<see cref="TextSender"/>).
/// The rest (planned for the end of quiet hours, digests) the dispatch tick queues when they fall due.
/// </summary>
public sealed class VacancyAlertPlanner(
    VacancyStore vacancies,
    AlertProfileStore profiles,
    AlertLedger ledger,
    Cursors cursors,
    TextStore texts,
    SendQueueWriter queue,
    IOptions<AlertOptions> options,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<VacancyAlertPlanner> logger)
{
    /// <summary>On the very first run (no cursor yet), how far back the feed is read.</summary>
    private static readonly TimeSpan FirstRunLookBack = TimeSpan.FromDays(1);
    /// <summary>
    /// Parents planned at once. Its alerts go out at the next due minute whatever its pace, so it takes few of the table
    /// service's requests at a time: at 16, a busy run held every confirmation booked meanwhile for seconds.
    /// </summary>
    private const int Concurrency = 4;

    public async Task<AlertRunResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();

        // Only finished minutes: a batch still being written into this minute is read next run.
        var upTo = VacancyStore.FeedBucket(now.AddMinutes(-1));
        var (last, etag) = await cursors.ReadAsync(CursorName.VacancyAlerts, ct);
        var after = last ?? VacancyStore.FeedBucket(now - FirstRunLookBack);
        if (string.CompareOrdinal(after, upTo) >= 0)
        {
            return new AlertRunResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, last);
        }

        var feed = await vacancies.FeedAsync(after, upTo, ct);
        var open = feed
            .Where(v => v.IsOpenAt(now))
            .GroupBy(v => v.Ref, StringComparer.Ordinal)
            .Select(g => g.MaxBy(v => v.UpdatedAt)!)
            .ToList();

        var ranges = GeoGrid.ProfileRangesNear(open.Select(v => new Postcodes.GeoPoint(v.Latitude, v.Longitude)));
        var nearby = new Dictionary<string, AlertProfileEntity>(StringComparer.Ordinal);
        var profilesRead = 0;
        foreach (var (from, to) in ranges)
        {
            foreach (var profile in await profiles.InRangeAsync(from, to, ct))
            {
                profilesRead++;
                nearby.TryAdd(profile.ParentId, profile);
            }
        }

        var searches = nearby.Values.ToDictionary(p => p.ParentId, p => p.Search(), StringComparer.Ordinal);
        var matcher = new IndexedMatcher([.. nearby.Values.Select(p => searches[p.ParentId].ToProfile(p.ParentId, new Postcodes.GeoPoint(p.Latitude, p.Longitude)))]);
        var matches = open.Count == 0 || nearby.Count == 0 ? [] : matcher.Match([.. open.Select(v => v.ToMatching())]);

        int alerts = 0, digestItems = 0, alreadySent = 0, capped = 0;
        var queuedNow = new DueNowAlerts(queue);
        var byParent = matches.GroupBy(m => m.ParentId, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(byParent, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (group, token) =>
        {
            var search = searches[group.Key];
            foreach (var match in group.OrderBy(m => m.DistanceKm).ThenBy(m => m.VacancyRef, StringComparer.Ordinal))
            {
                var item = new AlertItem(match.VacancyRef, Math.Round(match.DistanceKm, 1));
                var claim = search.AlertsMode == AlertModes.Digest
                    ? await PlanDigestAsync(group.Key, item, search, now, token)
                    : await PlanAlertAsync(group.Key, item, search, now, queuedNow, token);
                switch (claim)
                {
                    case AlertClaim.Claimed when search.AlertsMode == AlertModes.Immediate: Interlocked.Increment(ref alerts); break;
                    case AlertClaim.Claimed or AlertClaim.ClaimedNewDigest: Interlocked.Increment(ref digestItems); break;
                    case AlertClaim.AlreadySent: Interlocked.Increment(ref alreadySent); break;
                    default: Interlocked.Increment(ref capped); break;
                }
            }
        });

        // Marked only if still scheduled (by the ETag of their insert): one the sender has already taken is left alone, and
        // one an earlier run wrote (no ETag here) is left to the tick, which queues it again only if still scheduled.
        var queued = await queuedNow.FlushAsync(ct);
        foreach (var bucket in queued.Where(t => t.ETag != default).GroupBy(t => t.PartitionKey, StringComparer.Ordinal))
        {
            await texts.MarkQueuedAsync(bucket.Key, [.. bucket], now, ct);
        }

        await cursors.AdvanceAsync(CursorName.VacancyAlerts, upTo, etag, ct);
        var result = new AlertRunResult(feed.Count, open.Count, ranges.Count, profilesRead, matches.Count, alerts, digestItems, alreadySent, capped, queued.Count, upTo);
        if (feed.Count > 0)
        {
            logger.LogInformation(
                "Vacancy alerts: {Vacancies} new vacancies ({Open} open), {Profiles} nearby profiles read in {Queries} queries, {Matches} matches: {Alerts} alerts, {Digest} digest items, {AlreadySent} already sent, {Capped} over the weekly cap",
                feed.Count, open.Count, profilesRead, ranges.Count, matches.Count, alerts, digestItems, alreadySent, capped);
        }

        return result;
    }

    private async Task<AlertClaim> PlanAlertAsync(string parentId, AlertItem item, JobSearch search, DateTimeOffset now, DueNowAlerts queuedNow, CancellationToken ct)
    {
        // Planned for the end of quiet hours rather than now, so the sender does not have to defer it.
        var quiet = smsOptions.Value.QuietHours();
        var due = quiet.IsQuiet(now) ? quiet.EndOfQuietPeriodContaining(now) : now;
        var id = $"alert-{parentId}-{item.Ref}";
        var claim = await ledger.ClaimAsync(parentId, item, AlertWeeks.For(AlertWeeks.LondonDate(due)), search.AlertsMaxPerWeek, DueBuckets.For(due), now, ct);
        if (claim == AlertClaim.Claimed)
        {
            var text = NewText(parentId, id, AlertTextKinds.Alert, due, now, t => t.AlertItems = JsonSerializer.Serialize(new[] { item }, JsonDefaults.Web));
            await texts.AddIfMissingAsync(text, ct);
            if (due <= now)
            {
                await queuedNow.AddAsync(text, ct);
            }
        }
        else if (claim == AlertClaim.AlreadySent
            && await ledger.TextBucketAsync(parentId, item.Ref, ct) is { } bucket
            && await texts.GetAsync(new TextRef(bucket, id), ct) is null)
        {
            // Claimed by a run that died before writing the text (the cursor did not move, so this run read the same
            // vacancy): write it where the claim said, never anywhere else, and queue it if its minute has come, as the
            // dispatch tick may have read that minute already.
            var claimedDue = DueBuckets.Parse(bucket);
            await texts.AddIfMissingAsync(NewText(parentId, id, AlertTextKinds.Alert, claimedDue, now, t => t.AlertItems = JsonSerializer.Serialize(new[] { item }, JsonDefaults.Web)), ct);
            if (claimedDue <= now)
            {
                await queue.EnqueueAsync(new TextRef(bucket, id), ct);
            }

            logger.LogWarning("Vacancy alert {TextId}: claimed by an earlier run that wrote no text; written now", id);
        }

        return claim;
    }

    private async Task<AlertClaim> PlanDigestAsync(string parentId, AlertItem item, JobSearch search, DateTimeOffset now, CancellationToken ct)
    {
        var digestTime = options.Value.Digest();
        var local = LondonTime.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        var date = TimeOnly.FromDateTime(local.DateTime) < digestTime ? today : today.AddDays(1);
        var (claim, digestDate) = await ledger.ClaimForDigestAsync(parentId, item, date, search.AlertsMaxPerWeek, now, ct);
        if (claim == AlertClaim.ClaimedNewDigest)
        {
            await AddDigestTextAsync(parentId, digestDate, digestTime, now, ct);
        }
        else if (claim == AlertClaim.AlreadySent && await ledger.OpenDigestHoldingAsync(parentId, item.Ref, ct) is { } held)
        {
            // Claimed by a run that died before writing the digest's text (the cursor did not move, so this run read
            // the same vacancy), and that digest has not gone yet: make sure its text is there.
            await AddDigestTextAsync(parentId, held, digestTime, now, ct);
        }

        return claim;
    }

    /// <summary>
    /// Writes the day's digest text unless it is there. Only while its time is still to come: a digest text is only
    /// ever moved (by quiet hours) once its time has come, so before then a missing one was never written.
    /// </summary>
    private async Task AddDigestTextAsync(string parentId, DateOnly digestDate, TimeOnly digestTime, DateTimeOffset now, CancellationToken ct)
    {
        var due = LondonTime.FromLocal(digestDate.ToDateTime(digestTime));
        if (due <= now)
        {
            return;
        }

        var day = digestDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await texts.AddIfMissingAsync(NewText(parentId, $"digest-{parentId}-{day}", AlertTextKinds.Digest, due, now, t => t.DigestDate = digestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ct);
    }

    private static TextEntity NewText(string parentId, string id, string kind, DateTimeOffset due, DateTimeOffset now, Action<TextEntity> fill)
    {
        var text = new TextEntity
        {
            PartitionKey = DueBuckets.For(due),
            RowKey = id,
            ParentId = parentId,
            Kind = kind,
            DueAt = due,
            State = TextStates.Scheduled,
            StateChangedAt = now,
        };
        fill(text);
        return text;
    }
}
