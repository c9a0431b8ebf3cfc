using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pilot.LocalRunner;
using Pilot.Shared;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Bench;

/// <summary>
/// Issue 4's end-to-end figure: 10,000 job-seeking parents around the 40 pilot venues, then one
/// batch of 500 vacancies POSTed to the local runner, the alert timer's run, the dispatch tick, and
/// the runner's SendReminder queue function sending every immediate alert into the outbox. Prints
/// the time of each step and the storage entities and requests each one cost.
/// </summary>
internal static class VacancyEndToEndBench
{
    private const string FeedKey = "bench-feed-key";

    private static readonly string[] Categories = ["education", "childcare", "cleaning", "catering", "retail", "care", "admin", "hospitality"];

    private static readonly Dictionary<string, string[]> Titles = new()
    {
        ["education"] = ["Teaching assistant", "Lunchtime supervisor", "School administrator"],
        ["childcare"] = ["Nursery practitioner", "Childminder assistant", "Playworker"],
        ["cleaning"] = ["School cleaner", "Office cleaner", "Housekeeper"],
        ["catering"] = ["Kitchen assistant", "School cook", "Cafe assistant"],
        ["retail"] = ["Sales assistant", "Checkout operator", "Stock assistant"],
        ["care"] = ["Care assistant", "Home carer", "Support worker"],
        ["admin"] = ["Receptionist", "Admin assistant", "Data entry clerk"],
        ["hospitality"] = ["Waiting staff", "Bar staff", "Hotel housekeeper"],
    };

    private static readonly string[] HoursTexts =
    [
        "Mon-Fri 9.30am-2.30pm", "Monday to Friday 9:15 - 14:45, term time only", "School hours", "Mon, Wed, Fri 10am-1pm",
        "Tue-Thu 9am-12pm", "Mon-Fri 10am-2pm", "Mon-Fri 9am-3pm term time", "Mon-Fri 8am-6pm", "Flexible hours, to be agreed",
        "Weekdays 11am-2pm", "Mon-Fri 12pm-3pm", "Sat-Sun 10am-4pm",
    ];

    public static async Task RunAsync(int parentCount, int vacancyCount)
    {
        // The runner (HTTP and the SendReminder queue function) keeps real time; the alert timer and the
        // dispatch tick run in a second container on the same storage with a clock the bench moves on,
        // so the bench need not wait for the feed minute to end.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = BenchServices.Settings("vacancies");
        settings["LocalRunner:Port"] = "0";
        settings["Access:Feed"] = CallerCredentials.HashOf(FeedKey);
        settings["Reminders:DispatchSchedule"] = "0 0 0 1 1 *"; // ticks are run by the bench, in order
        settings["Vacancies:AlertSchedule"] = "0 0 0 1 1 *";
        settings["Vacancies:FeedQueue"] = "bench-feed-" + Guid.NewGuid().ToString("N")[..8];
        // The 10,000 parents share the 1,000 drama-range numbers (ten to a number), which real parents do not: at the
        // default cap (10 texts a number in any hour) a busy number's alerts would wait an hour and the bench never end.
        settings["Sms:MaxPerNumberPerHour"] = "100";
        var builder = LocalRunnerApp.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        await using var app = LocalRunnerApp.Build(builder);
        var services = app.Services;
        await using var ticks = BenchServices.Build(settings, time);
        var storage = services.GetRequiredService<StorageClients>();
        var counter = services.GetRequiredService<StorageRequestCounter>();

        var areas = Areas();
        var random = new Random(4);
        Console.WriteLine(Invariant($"[vacancy-e2e] registering {parentCount:N0} parents with job searches around the 40 pilot venues"));
        var load = Stopwatch.StartNew();
        var registration = services.GetRequiredService<ParentRegistration>();
        var requests = Enumerable.Range(0, parentCount).Select(i => ParentRequest(i, random, areas)).ToList();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (request, ct) =>
        {
            var outcome = await registration.RegisterAsync(Caller.Office("jcp-lambeth"), request, ct);
            if (!outcome.IsOk)
            {
                throw new InvalidOperationException(string.Join("; ", outcome.Errors));
            }
        });
        var optedIn = requests.Count(r => r.Alerts!.OptIn == true);
        Console.WriteLine(Invariant($"[vacancy-e2e] {parentCount:N0} parents registered ({optedIn:N0} opted in to alerts) in {load.Elapsed.TotalSeconds:F0} s"));

        var batch = new { vacancies = Enumerable.Range(0, vacancyCount).Select(i => Vacancy(i, random, areas)).ToArray() };
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/api/"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("x-functions-key", FeedKey); // the bench's own vacancy-feed key

        var total = Stopwatch.StartNew();
        var before = counter.Snapshot();
        var response = await http.PostAsJsonAsync("vacancies", batch, JsonDefaults.Web);
        var posted = await response.Content.ReadFromJsonAsync<VacancyBatchResult>(JsonDefaults.Web);
        var postTime = total.Elapsed;
        var postRequests = counter.Snapshot().Since(before);
        Console.WriteLine(Invariant($"[vacancy-e2e] POST /api/vacancies: {(int)response.StatusCode}, {posted!.Accepted} accepted, {posted.Rejected} rejected in {postTime.TotalMilliseconds:F0} ms; {postRequests.Tables:N0} table requests"));

        // The POST answers once the batch is on the feed queue; the feed function files it a moment later.
        var store = ticks.GetRequiredService<VacancyStore>();
        await WaitUntilFiledAsync(store, Enumerable.Range(0, vacancyCount).Select(VacancyRef));

        // The feed minute must be over before the timer reads it; the clock is the bench's.
        time.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(2));
        before = counter.Snapshot(); // the runner's requests from here on: the sends (they start while the timer runs)
        var timerClock = Stopwatch.StartNew();
        var run = await ticks.GetRequiredService<VacancyAlertPlanner>().RunAsync(CancellationToken.None);
        var timerRequests = ticks.GetRequiredService<StorageRequestCounter>().Snapshot();
        timerClock.Stop();
        var claims = run.Alerts + run.DigestItems + run.AlreadySent + run.Capped;
        Console.WriteLine(Invariant($"[vacancy-e2e] alert timer: {run.VacanciesRead} new vacancies ({run.OpenVacancies} open), {run.ProfileQueries:N0} profile range queries, {run.ProfilesRead:N0} alert profiles read of {optedIn:N0} ({run.ProfilesRead / (double)Math.Max(1, run.OpenVacancies):F1} per vacancy), {run.Matches:N0} matches"));
        Console.WriteLine(Invariant($"[vacancy-e2e] alert timer: {run.Alerts:N0} alerts, {run.DigestItems:N0} digest items (sent at Vacancies:DigestTime), {run.Capped:N0} over a weekly cap; {timerClock.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(Invariant($"[vacancy-e2e] alert timer entities read: {run.EntitiesRead:N0} (feed + profiles + cursor) + {claims:N0} ledger point reads = {(run.EntitiesRead + claims) / (double)Math.Max(1, run.OpenVacancies):F1} per vacancy; {timerRequests.Tables:N0} table requests"));

        // Alerts due now the timer has queued itself (the send function is sending them already); the next minute's tick
        // queues any it left (filed under the next minute: due minutes round up), normally none.
        time.Advance(TimeSpan.FromMinutes(1));
        var tickCounter = ticks.GetRequiredService<StorageRequestCounter>();
        var ticksBefore = tickCounter.Snapshot();
        var dispatcher = ticks.GetRequiredService<DueReminderDispatcher>();
        var queued = run.QueuedAtOnce;
        var entities = 0;
        var upTo = DueBuckets.LastDueMinute(time.GetUtcNow());
        DispatchTickResult tick;
        do
        {
            tick = await dispatcher.DispatchDueAsync(CancellationToken.None);
            queued += tick.Enqueued;
            entities += tick.EntitiesRead;
        }
        while (tick.ReadUpTo < upTo);

        var outbox = await storage.TableAsync(TableNames.Outbox);
        int sent;
        while ((sent = await CountAsync(outbox)) < run.Alerts)
        {
            if (total.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException(Invariant($"only {sent} of {run.Alerts} alerts reached the outbox"));
            }

            // Each count scans the outbox: counting less often leaves Azurite to the sends being measured.
            await Task.Delay(1000);
        }

        total.Stop();
        var sendRequests = counter.Snapshot().Since(before);
        var dispatchRequests = tickCounter.Snapshot().Since(ticksBefore);

        // The marginal cost: one more vacancy, in one area, on the next run. The first run's clock was ahead of the real
        // one, so its cursor may stand on a real minute not yet over; a vacancy filed in that minute would be read by no
        // run (in production both clocks are the same). Wait until the real clock has left the cursor's minute.
        while (string.CompareOrdinal(VacancyStore.FeedBucket(DateTimeOffset.UtcNow), run.ReadUpTo) <= 0)
        {
            await Task.Delay(1000);
        }

        var single = new { vacancies = new[] { Vacancy(vacancyCount, random, [areas[0]]) } };
        (await http.PostAsJsonAsync("vacancies", single, JsonDefaults.Web)).EnsureSuccessStatusCode();
        await WaitUntilFiledAsync(store, [VacancyRef(vacancyCount)]);
        time.SetUtcNow(time.GetUtcNow().AddMinutes(2)); // from the bench's clock, ahead of the real one: its feed minute is then over
        var one = await ticks.GetRequiredService<VacancyAlertPlanner>().RunAsync(CancellationToken.None);
        Console.WriteLine(Invariant($"[vacancy-e2e] one more vacancy on the next run: {one.ProfileQueries} profile range queries, {one.ProfilesRead:N0} of {optedIn:N0} alert profiles read, {one.Matches} matches, {one.EntitiesRead + one.Alerts + one.DigestItems + one.AlreadySent + one.Capped:N0} entities read in all"));
        await app.StopAsync();
        var sample = await FirstBodyAsync(outbox);
        Console.WriteLine(Invariant($"[vacancy-e2e] queue + sends: {run.QueuedAtOnce:N0} alert texts queued by the timer, {queued - run.QueuedAtOnce:N0} by the next tick ({entities:N0} Texts entities read, {dispatchRequests.Tables:N0} table requests), all in the outbox; sends: {sendRequests.Tables:N0} table requests ({sendRequests.Tables / (double)Math.Max(1, run.Alerts):F1} table requests per text)"));
        Console.WriteLine(Invariant($"[vacancy-e2e] POST to the last alert in the outbox: {total.Elapsed.TotalSeconds:F1} s for {vacancyCount} vacancies x {parentCount:N0} parents ({sent:N0} alerts)"));
        Console.WriteLine($"[vacancy-e2e] a sample alert: {sample}");
    }

    private static RegisterParentRequest ParentRequest(int i, Random random, IReadOnlyList<List<string>> areas)
    {
        var postcode = Pick(random, Pick(random, areas)) + "AA";
        var (mode, km) = random.NextDouble() switch
        {
            < 0.25 => ("walk", 1 + (random.NextDouble() * 2)),
            < 0.85 => ("bus", 3 + (random.NextDouble() * 7)),
            _ => ("car", 5 + (random.NextDouble() * 15)),
        };
        string[] days = random.NextDouble() < 0.8 ? ["Mon", "Tue", "Wed", "Thu", "Fri"] : ["Tue", "Wed", "Thu"];
        var from = Pick(random, ["08:45", "09:00", "09:15", "09:30"]);
        var to = Pick(random, ["14:30", "14:45", "15:00", "15:15"]);
        var interests = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Pick(random, Categories)).Distinct().ToArray();
        return new RegisterParentRequest(
            "Parent",
            $"07700 900{i % 1000:000}",
            new AddressRequest(["1 Bench Road"], postcode),
            "en",
            new ConsentsRequest(true),
            Availability: [new WeeklyWindowRequest(days, from, to)],
            TermTimeOnly: random.NextDouble() < 0.2,
            MaxTravelKm: Math.Round(km, 1),
            TravelMode: mode,
            JobInterests: new JobInterestsRequest(interests, null),
            AcceptUnknownHours: random.NextDouble() < 0.3,
            Alerts: new AlertsRequest(random.NextDouble() < 0.9, 3, random.NextDouble() < 0.8 ? AlertModes.Immediate : AlertModes.Digest));
    }

    private static string VacancyRef(int i) => $"BENCH-{i:D5}";

    /// <summary>
    /// Until every one of these vacancies is in the store: the POST answers once they are on the feed queue, and an
    /// alert timer run before the feed function has filed them would find only some.
    /// </summary>
    private static async Task WaitUntilFiledAsync(VacancyStore store, IEnumerable<string> references)
    {
        var waiting = Stopwatch.StartNew();
        foreach (var reference in references)
        {
            while (await store.GetAsync(reference, CancellationToken.None) is null)
            {
                if (waiting.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"vacancy {reference} was not filed by the feed function within 2 minutes");
                }

                await Task.Delay(100);
            }
        }
    }

    private static object Vacancy(int i, Random random, IReadOnlyList<List<string>> areas)
    {
        var category = Pick(random, Categories);
        return new
        {
            @ref = VacancyRef(i),
            title = Pick(random, Titles[category]),
            employer = $"Employer {i % 97}",
            postcode = Pick(random, Pick(random, areas)) + "BB",
            hoursText = Pick(random, HoursTexts),
            category,
            expiryDate = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            apply = new { url = $"https://jobs.example.org/v/{i}" },
        };
    }

    /// <summary>For each pilot venue, the postcode sectors within 8 km of it: where the bench's parents and jobs are.</summary>
    private static List<List<string>> Areas()
    {
        var venues = JsonDocument.Parse(Resource("Pilot.Shared.Venues.Data.pilot-venues.json")).RootElement.GetProperty("venues")
            .EnumerateArray().Select(v => v.GetProperty("postcode").GetString()!).ToList();
        var sectors = Resource("Pilot.Shared.Postcodes.Data.uk-postcode-sectors.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Sector: f[0], Point: new GeoPoint(double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture))))
            .ToList();
        return [.. venues.Select(postcode =>
        {
            PostcodeDirectory.Default.TryResolve(postcode, out var venue, out _);
            return sectors
                .Where(s => s.Point.DistanceKmTo(venue!.Point) <= 8 && PostcodeDirectory.Default.TryResolve(s.Sector + "AA", out _, out _))
                .Select(s => s.Sector)
                .ToList();
        }).Where(a => a.Count > 0)];
    }

    private static string Resource(string name)
    {
        using var stream = typeof(PilotServiceCollectionExtensions).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static async Task<int> CountAsync(TableClient table)
    {
        var n = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            n++;
        }

        return n;
    }

    private static async Task<string?> FirstBodyAsync(TableClient table)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: 1))
        {
            return row.GetString("Body");
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
