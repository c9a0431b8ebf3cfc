using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.FaultRun;

/// <summary>
/// The vacancy alerts and WFI letters in the fault run's mix: who is opted in to alerts, the vacancies posted
/// (through <c>POST /api/vacancies</c> and the feed queue, in turn) so that every alert parent matches every
/// one, the invitations created through <c>POST /api/wfi-invitations</c> with an office key, and the second
/// copies of alert send-queue messages and letter jobs.
/// </summary>
internal static class MixWorkload
{
    public const string OfficeId = "jcp-lambeth";
    public const string OfficeKey = "fault-run-office-key-jcp-lambeth";
    public const string FeedKey = "fault-run-feed-key";
    public const string TokenSigningKey = "fault-run-only-wfi-token-signing-key-0123456789";

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The alert parents: about one in ten of them among those who texted STOP (their alerts must be cancelled), the rest spread evenly.</summary>
    public static IReadOnlyList<int> PickAlertParents(int parentCount, IReadOnlySet<int> optedOut, int count)
    {
        count = Math.Min(count, parentCount);
        var stopped = optedOut.Order().ToList();
        var fromStopped = Math.Min(stopped.Count, Math.Max(count > 1 ? 1 : 0, count / 10));
        var others = Enumerable.Range(0, parentCount).Where(i => !optedOut.Contains(i)).ToList();
        var fromOthers = Math.Min(others.Count, count - fromStopped);
        return [.. Spread(stopped, fromStopped).Concat(Spread(others, fromOthers)).Order()];
    }

    /// <summary>The parent of each invitation, spread over all parents (opted-out ones included: they get the letter, not the text).</summary>
    public static int InvitationParent(int invitation, int parentCount) => (int)((invitation * 7L + 3) % parentCount);

    /// <summary>A parent who can work every day 07:00-21:00 within 5 km on foot in education: every fault-run vacancy fits them.</summary>
    public static RegisterParentRequest AlertParent(string mobile, AddressRequest address) => new(
        "Parent",
        mobile,
        address,
        "en",
        new ConsentsRequest(true),
        Availability: [new WeeklyWindowRequest(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "07:00", "21:00")],
        TermTimeOnly: false,
        MaxTravelKm: 5,
        TravelMode: "walk",
        JobInterests: new JobInterestsRequest(["education"], null),
        AcceptUnknownHours: true,
        Alerts: new AlertsRequest(true, 20, AlertModes.Immediate));

    public static string VacancyRef(int n) => string.Create(CultureInfo.InvariantCulture, $"FAULT-{n:D3}");

    /// <summary>A batch as <c>POST /api/vacancies</c> takes it (and the feed queue carries it).</summary>
    public static string VacancyBatch(IEnumerable<int> numbers, string postcode, DateOnly londonToday) => JsonSerializer.Serialize(
        new
        {
            vacancies = numbers.Select(n => new
            {
                @ref = VacancyRef(n),
                // A title of its own, so no two alerts to a parent read the same (Twilio's lookup matches on the body).
                title = string.Create(CultureInfo.InvariantCulture, $"Teaching assistant {n + 1}"),
                employer = "Fault Run Primary School",
                postcode,
                hoursText = "Mon-Fri 9.30am-2.30pm",
                weeklyPattern = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, from = "09:30", to = "14:30" } },
                hoursPerWeek = 25,
                termTimeOnly = false,
                category = "education",
                expiryDate = londonToday.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                apply = new { url = "https://school.example.org/jobs" },
            }),
        },
        JsonDefaults.Web);

    /// <summary>The centre every invitation of the run offers (named, so its opening hours are known here).</summary>
    public const string CentreId = "cc-lambeth-stockwell";

    /// <summary>
    /// An invitation as <c>POST /api/wfi-invitations</c> takes it: reply within a week, interviews about ten days on
    /// at 10:00 and the next day at 14:00, each moved on to when the office or centre is open.
    /// </summary>
    public static string Invitation(string parentId, DateOnly londonToday)
    {
        var venues = Pilot.Shared.DemoData.DemoSeeder.PilotVenues();
        var jobcentre = Pilot.Shared.Venues.VenueHours.NextOpenAt(venues.Single(v => v.Id == OfficeId), Interview(londonToday.AddDays(10), 10))!.Value;
        var centre = Pilot.Shared.Venues.VenueHours.NextOpenAt(venues.Single(v => v.Id == CentreId), Interview(DateOnly.FromDateTime(LondonTime.ToLocal(jobcentre).DateTime).AddDays(1), 14))!.Value;
        return JsonSerializer.Serialize(
            new
            {
                parentId,
                options = new
                {
                    jobcentre = new { startsAt = Text(jobcentre) },
                    centre = new { startsAt = Text(centre), venueId = CentreId },
                },
                respondBy = londonToday.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            JsonDefaults.Web);
    }

    /// <summary>
    /// Posts to the runner with a key, as a client would: a refused connection (the runner is being restarted)
    /// is tried again. A request cut off by a kill after it arrived is tried again too; when the cut-off copy made
    /// the invitation, the repeat is refused with 409 naming it, which counts as made. The figures come from the
    /// stored invitations, each of which must get its letter.
    /// </summary>
    public static async Task<string> PostAsync(HttpClient http, Uri uri, string key, string json, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                request.Headers.Add("x-functions-key", key);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var answer = await http.SendAsync(request, ct);
                var body = await answer.Content.ReadAsStringAsync(ct);
                if (answer.StatusCode == HttpStatusCode.Accepted)
                {
                    return body;
                }

                if (answer.StatusCode == HttpStatusCode.Conflict && attempt > 1 && AlreadyMade(body) is { } made)
                {
                    // An earlier copy of this request, cut off by a kill, made the invitation: the service names it.
                    return made;
                }

                if ((int)answer.StatusCode < 500 || attempt >= 20)
                {
                    throw new InvalidOperationException($"POST {uri.AbsolutePath} answered {(int)answer.StatusCode}: {body}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested && attempt < 120)
            {
                // The runner is down between a kill and its restart.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    /// <returns>The invitation a 409 names as already made (as the 202 would have: id and reference), or null.</returns>
    private static string? AlreadyMade(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("invitationId", out var id) && json.RootElement.TryGetProperty("reference", out var reference)
            ? JsonSerializer.Serialize(new { id = id.GetString(), reference = reference.GetString() }, JsonDefaults.Web)
            : null;
    }

    /// <summary>
    /// Watches the minutes around now for alert texts the timer wrote and sends a second copy of the send-queue
    /// message of some of them, as a queue delivering a message twice would.
    /// </summary>
    public static async Task<int> DuplicateAlertMessagesAsync(ServiceProvider services, double rate, Random random, DateTimeOffset until, CancellationToken ct)
    {
        var queue = services.GetRequiredService<SendQueueWriter>();
        var texts = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.Texts, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicated = 0;
        while (DateTimeOffset.UtcNow < until && !ct.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            var from = DueBuckets.Name(DueBuckets.LastDueMinute(now.AddMinutes(-1)));
            var to = DueBuckets.Name(DueBuckets.LastDueMinute(now.AddMinutes(2)));
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to} and Kind eq {AlertTextKinds.Alert}");
            await foreach (var text in texts.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            {
                if (seen.Add(text.RowKey) && random.NextDouble() < rate)
                {
                    await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, TimeSpan.FromSeconds(random.Next(0, 20)));
                    duplicated++;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(3), ct);
        }

        return duplicated;
    }

    /// <summary>Sends a second letter job for an invitation, a few seconds after the first.</summary>
    public static async Task DuplicateLetterJobAsync(ServiceProvider services, string invitationId, TimeSpan after, CancellationToken ct)
    {
        await Task.Delay(after, ct);
        await services.GetRequiredService<WfiLetterJobWriter>().EnqueueAsync(new WfiLetterJob(OfficeId, invitationId), ct);
    }

    public static async Task<List<WfiInvitationEntity>> ReadInvitationsAsync(StorageClients storage, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.WfiInvitations, ct);
        var all = new List<WfiInvitationEntity>();
        await foreach (var invitation in table.QueryAsync<WfiInvitationEntity>(i => i.PartitionKey == OfficeId, cancellationToken: ct))
        {
            all.Add(invitation);
        }

        return all;
    }

    /// <summary>True once the alert timer has read every feed minute a vacancy arrived in.</summary>
    public static async Task<bool> AlertTimerCaughtUpAsync(StorageClients storage, CancellationToken ct)
    {
        var feed = await storage.TableAsync(TableNames.VacancyFeed, ct);
        string? lastMinute = null;
        await foreach (var row in feed.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct))
        {
            lastMinute = lastMinute is null || string.CompareOrdinal(row.PartitionKey, lastMinute) > 0 ? row.PartitionKey : lastMinute;
        }

        var cursors = await storage.TableAsync(TableNames.Cursors, ct);
        var cursor = await cursors.GetEntityIfExistsAsync<TableEntity>("vacancies", "alerts", cancellationToken: ct);
        return lastMinute is null || (cursor.HasValue && string.CompareOrdinal(cursor.Value!.GetString("LastBucket"), lastMinute) >= 0);
    }

    /// <summary>Messages that ended in a poison queue.</summary>
    public static async Task<int> PoisonedAsync(StorageClients storage, string queue, CancellationToken ct)
    {
        var client = storage.Queues.GetQueueClient(queue + "-poison");
        return await client.ExistsAsync(ct) ? (await client.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount : 0;
    }

    private static DateTimeOffset Interview(DateOnly day, int hour) => LondonTime.FromLocal(day.ToDateTime(new TimeOnly(hour, 0)));

    private static string Text(DateTimeOffset instant) => LondonTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static IEnumerable<int> Spread(List<int> from, int count) =>
        count <= 0 ? [] : Enumerable.Range(0, count).Select(k => from[(int)((long)k * from.Count / count)]);
}
