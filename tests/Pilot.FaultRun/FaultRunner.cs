using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.FaultRun.StorageFaults;
using Pilot.ProviderSimulators;
using Pilot.Shared;
using Pilot.Shared.Appointments;
using Pilot.Shared.DemoData;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Time;
using Pilot.Shared.Venues;
using Pilot.TestSupport;
using static Pilot.TestSupport.Harness;

namespace Pilot.FaultRun;

/// <summary>
/// One fault-injection run:
/// <list type="number">
/// <item>Parents (fictional 07700 900xxx numbers, some opted out by STOP) and their appointments are
/// written as booking left them, with one <c>reminder-2h</c> text each due in the window's minutes.</item>
/// <item>The local runner runs as a child process, sending through Twilio then ACS (and after each
/// restart the other order, as an operator switching providers would), to the simulators, which answer
/// 5xx, 429 with Retry-After, or accept and drop the connection at the given rates, after random latency.</item>
/// <item>Quiet hours are set to a minute range in the middle of the window (London time, from the real
/// clock the runner uses), so texts falling due in it must wait for its end.</item>
/// <item>Some send-queue messages are delivered twice; during the window the worker process is killed (SIGKILL,
/// the runner restarts it) and the runner is killed with its worker and restarted, in turn.</item>
/// <item>In the same run (<see cref="MixWorkload"/>): some parents are opted in to vacancy alerts and vacancy
/// batches that fit them all arrive through the window (the API and the feed queue in turn), so the alert timer
/// sends alerts through the same faulty gateways; WFI invitations are created through the API, so the letter jobs
/// post letters through the Notify simulator with the same faults; some alert send messages and letter jobs are
/// delivered twice.</item>
/// <item>When every text has settled and every letter job finished, the figures come from the simulators'
/// records (what reached a phone or the post) and the Texts and WfiInvitations tables.</item>
/// </list>
/// </summary>
public static class FaultRunner
{
    private const string Sid = "AC00000000000000000000000000fau1t";
    private const string Token = "fault-run-twilio-token";
    private const string EventGridKey = "fault-run-event-grid-key";
    private const string ReminderKind = "reminder-2h";
    private const string Postcode = "SW9 9TN";
    private static readonly string AcsKey = Convert.ToBase64String("fault-run-acs-key"u8.ToArray());

    public static async Task<FaultRunReport> RunAsync(FaultRunOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var run = "fault" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = options.Storage,
            ["Storage:TablePrefix"] = run,
            ["Reminders:SendQueue"] = run + "-send",
            ["Reminders:InteractiveSendQueue"] = run + "-send" + "-i",
            ["Wfi:LetterQueue"] = run + "-wfi-letters",
            ["Wfi:TokenSigningKey"] = MixWorkload.TokenSigningKey,
            ["Vacancies:FeedQueue"] = run + "-vacancy-feed",
        };
        await using var services = BuildServices(settings);
        var progress = options.Progress;
        Say(progress, $"[faults] {options.Reminders:N0} reminders over {options.WindowMinutes} minute(s), {options.Kills} kill(s); tables {run}*");

        await using var simulator = await ProviderSimulator.StartAsync(new SimulatorOptions(Sid, Token, AcsKey) { RandomSeed = options.Seed }, ct);
        foreach (var faults in new[] { simulator.Twilio.Faults, simulator.Acs.Faults, simulator.Notify.Faults })
        {
            faults.ServerErrorRate = options.ServerErrorRate;
            faults.ThrottleRate = options.ThrottleRate;
            faults.DropAfterAcceptRate = options.DropAfterAcceptRate;
            faults.ThrottleRetryAfterSeconds = options.RetryAfterSeconds;
            faults.LatencyMin = options.LatencyMin;
            faults.LatencyMax = options.LatencyMax;
        }

        // The storage proxy goes in front of Azurite for the runner only: the run seeds and reads storage directly.
        await using var proxy = options.StorageFaults is { } dose ? await StorageFaultProxy.StartAsync(options.Storage, options.Seed, ct) : null;
        if (proxy is not null)
        {
            options.StorageFaults!.ApplyTo(proxy);
            Say(progress, $"[faults] storage faults ON (tables, queues, blobs): {options.StorageFaults.FailBeforeRate:P1} failed before reaching Azurite (503 ServerBusy / 500 OperationTimedOut), {options.StorageFaults.FailAfterRate:P1} applied then failed (dropped, or held {options.StorageFaults.HangFor.TotalSeconds:F0} s and dropped), 0-{options.StorageFaults.LatencyMax.TotalMilliseconds:F0} ms latency, one {options.StorageFaults.Outage.TotalSeconds:F0} s outage");
        }
        else
        {
            Say(progress, $"[faults] storage faults OFF");
        }

        // Seeding: parents, some opted out, then appointments and their reminders.
        await services.GetRequiredService<VenueCatalogue>().LoadAsync(DemoSeeder.PilotVenueRows(), ct);
        var venues = DemoSeeder.PilotVenues().Where(v => v.Kind == "centre").Select(v => v.Id).ToList();
        var parentCount = Math.Min(1000, Math.Max(1, (options.Reminders + options.RemindersPerParent - 1) / options.RemindersPerParent));
        var parents = new string[parentCount];
        var every = (int)Math.Round(1 / options.OptedOutRate);
        var optedOut = Enumerable.Range(0, parentCount).Where(i => i % every == every / 2).ToHashSet();
        var alertParents = MixWorkload.PickAlertParents(parentCount, optedOut, options.AlertParents).ToHashSet();
        var registration = services.GetRequiredService<ParentRegistration>();
        await Parallel.ForAsync(0, parentCount, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var mobile = $"07700 900{i:D3}";
            var address = new AddressRequest(["1 Test Street", "London"], Postcode);
            var registered = await registration.RegisterAsync(
                RoleKeys.LambethOffice,
                alertParents.Contains(i) ? MixWorkload.AlertParent(mobile, address) : new RegisterParentRequest("Parent", mobile, address, "en", new ConsentsRequest(true)), token);
            parents[i] = registered.Value?.Id ?? throw new InvalidOperationException("registering a parent failed: " + string.Join("; ", registered.Errors.Select(e => e.Message)));
        });
        var consents = services.GetRequiredService<ParentConsents>();
        foreach (var i in optedOut)
        {
            await consents.OptOutAsync(parents[i], "sms-twilio", ct);
        }

        // The window's first minute: this one, or the next when this one is nearly over.
        var start = DueBuckets.LastDueMinute(DateTimeOffset.UtcNow.AddSeconds(30));
        var window = Math.Max(2, options.WindowMinutes);
        var quietFrom = start.AddMinutes(Math.Max(1, window * 2 / 5));
        var quietTo = quietFrom.AddMinutes(Math.Max(1, window / 5));
        var reminders = new List<TextRef>(options.Reminders);
        var appointmentStore = services.GetRequiredService<AppointmentStore>();
        var texts = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.Texts, ct);
        var planned = Enumerable.Range(0, options.Reminders).Select(i =>
        {
            var parent = i % parentCount;
            var nth = i / parentCount;
            var dueAt = start.AddMinutes((parent + nth) % window);
            return (Parent: parent, Nth: nth, DueAt: dueAt, Id: ParentRegistration.NewId());
        }).ToList();
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (p, token) =>
        {
            // Each of a parent's appointments at a different hour, so no two of their texts read the same.
            var reference = await WriteBookedReminderAsync(
                appointmentStore, texts, p.Id, parents[p.Parent], venues[p.Parent % venues.Count], ReminderKind, p.DueAt, p.DueAt.AddHours(2 + p.Nth), start.AddDays(-1), token);
            lock (reminders)
            {
                reminders.Add(reference);
            }
        });
        Say(progress, $"[faults] seeded {parentCount:N0} parents ({optedOut.Count} opted out, {alertParents.Count} opted in to vacancy alerts, {alertParents.Count(optedOut.Contains)} of them opted out by STOP) and {reminders.Count:N0} reminders due {start:HH:mm}-{start.AddMinutes(window - 1):HH:mm} UTC in {clock.Elapsed.TotalSeconds:F0} s; quiet hours {Local(quietFrom)}-{Local(quietTo)} London");

        // The runner, its restarts, and the duplicated queue messages.
        var port = FreePort();
        simulator.Acs.EventGridWebhook = new Uri($"http://127.0.0.1:{port}/api/sms/acs/events?code={EventGridKey}");
        string[] orders = ["twilio,acs", "acs,twilio"];
        var runnerSettings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = proxy?.ConnectionString ?? options.Storage,
            ["Storage:TablePrefix"] = run,
            ["Reminders:SendQueue"] = run + "-send",
            ["Reminders:InteractiveSendQueue"] = run + "-send" + "-i",
            ["Wfi:LetterQueue"] = run + "-wfi-letters",
            ["Wfi:TokenSigningKey"] = MixWorkload.TokenSigningKey,
            ["Wfi:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Access:Offices:" + MixWorkload.OfficeId] = MixWorkload.HashOf(MixWorkload.OfficeKey),
            ["Access:Feed"] = MixWorkload.HashOf(MixWorkload.FeedKey),
            ["Vacancies:FeedQueue"] = run + "-vacancy-feed",
            ["Vacancies:AlertSchedule"] = $"*/{options.AlertScheduleSeconds} * * * * *",
            ["Letters:Container"] = run + "-letters",
            ["Letters:Notify:ApiKey"] = SimulatorOptions.DefaultNotifyApiKey,
            ["Letters:Notify:BaseUrl"] = simulator.BaseUri.ToString(),
            ["Letters:Notify:TimeoutSeconds"] = Invariant(options.NotifyTimeoutSeconds),
            ["Sms:MaxPerNumberPerHour"] = Invariant(options.MaxPerNumberPerHour),
            ["Reminders:DispatchSchedule"] = "*/5 * * * * *",
            ["Reminders:SendingLeaseSeconds"] = Invariant(options.SendingLeaseSeconds),
            ["LocalRunner:Port"] = Invariant(port),
            ["LocalRunner:ProcessingVisibilitySeconds"] = Invariant(options.ProcessingVisibilitySeconds),
            ["Demo:Seed"] = "false",
            ["Sms:QuietHoursStart"] = Local(quietFrom),
            ["Sms:QuietHoursEnd"] = Local(quietTo),
            ["Sms:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Sms:Twilio:AccountSid"] = Sid,
            ["Sms:Twilio:AuthToken"] = Token,
            ["Sms:Twilio:From"] = "+441134960000",
            ["Sms:Twilio:ApiBaseUrl"] = simulator.BaseUri.ToString(),
            ["Sms:Twilio:MessagesPerSecond"] = Invariant(options.MessagesPerSecond),
            ["Sms:Acs:ConnectionString"] = $"endpoint={simulator.BaseUri};accesskey={AcsKey}",
            ["Sms:Acs:From"] = "+441134960001",
            ["Sms:Acs:EventGridKey"] = EventGridKey,
            ["Sms:Acs:MessagesPerSecond"] = Invariant(options.MessagesPerSecond),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var logPath = Path.Combine(options.LogDirectory, run + "-runner.log");
        RunnerProcess? runner = null;
        var duplicates = 0;
        var mix = new MixSent([], 0, 0, 0, 0);
        OutageFigures? outageFigures = null;
        var storage = services.GetRequiredService<StorageClients>();
        try
        {
            runner = await StartRunnerAsync(runnerSettings, orders[0], port, logPath, ct);
            Say(progress, $"[faults] runner started (pid {runner.Id}, providers {orders[0]}); its log: {logPath}");
            using var stopDuplicates = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var duplicating = DuplicateMessagesAsync(services, reminders, options, random, stopDuplicates.Token);
            var outage = proxy is null
                ? Task.FromResult<OutageFigures?>(null)
                : OutageAsync(proxy, options, start + TimeSpan.FromMinutes(window / 4.0), new Uri($"http://127.0.0.1:{port}/api/appointments/{planned[0].Id}"), texts, ct);
            var mixing = RunMixAsync(services, [.. alertParents.Select(i => parents[i])], [.. Enumerable.Range(0, options.Invitations).Select(k => parents[MixWorkload.InvitationParent(k, parentCount)])], options, port, start, window, clock, ct);

            for (var kill = 1; kill <= options.Kills; kill++)
            {
                var at = start + TimeSpan.FromMinutes(window * kill / (double)(options.Kills + 1));
                await DelayUntilAsync(at, ct);
                if (kill % 2 == 1)
                {
                    // Odd kills take the worker process alone: the runner (the host) restarts it, as Azure's host does.
                    var worker = await runner.KillWorkerAsync(port, ct);
                    Say(progress, $"[faults] {Elapsed(clock)} worker process killed (SIGKILL, pid {worker}), kill {kill} of {options.Kills}; the runner restarted it");
                    continue;
                }

                await runner.KillAsync();
                await runner.DisposeAsync();
                Say(progress, $"[faults] {Elapsed(clock)} runner killed (SIGKILL), kill {kill} of {options.Kills}");
                runner = null;
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                var order = orders[kill % orders.Length];
                runner = await StartRunnerAsync(runnerSettings, order, port, logPath, ct);
                Say(progress, $"[faults] {Elapsed(clock)} runner restarted (pid {runner.Id}, providers {order})");
            }

            duplicates = await duplicating;
            mix = await mixing;
            outageFigures = await outage;
            var drained = await DrainAsync(texts, storage, options, start.AddMinutes(window), clock, progress, ct);
            await simulator.Twilio.WhenCallbacksDoneAsync(ct);
            await simulator.Acs.WhenDeliveryReportsDoneAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            if (drained)
            {
                Say(progress, $"[faults] {Elapsed(clock)} every text settled");
            }
            else
            {
                Say(progress, $"[faults] {Elapsed(clock)} drain timed out");
            }
        }
        finally
        {
            if (runner is not null)
            {
                await runner.DisposeAsync();
            }
        }

        var stored = await ReadTextsAsync(texts, ct);
        var storedBuckets = stored.GroupBy(t => t.RowKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(t => t.PartitionKey).ToList(), StringComparer.Ordinal);
        var optedOutNumbers = optedOut.Select(i => $"+447700900{i:D3}").ToHashSet(StringComparer.Ordinal);
        var report = FaultRunReport.From(
            new FaultRunFacts(
                reminders.Count,
                stored,
                simulator.Twilio.Accepted,
                simulator.Twilio.Requests.Snapshot(),
                simulator.Acs.Accepted.Snapshot(),
                simulator.Acs.Requests.Snapshot(),
                optedOutNumbers,
                new QuietHours(TimeOnly.Parse(Local(quietFrom), CultureInfo.InvariantCulture), TimeOnly.Parse(Local(quietTo), CultureInfo.InvariantCulture)),
                reminders.Count(r => storedBuckets.TryGetValue(r.TextId, out var buckets) && buckets.Any(b => b != r.Bucket)),
                duplicates,
                options.Kills,
                TimeSpan.FromSeconds(options.RetryAfterSeconds),
                DateTimeOffset.UtcNow)
            {
                Mix = mix,
                AlertParents = alertParents.Count,
                Invitations = await MixWorkload.ReadInvitationsAsync(storage, ct),
                NotifyLetters = simulator.Notify.Letters.Snapshot(),
                NotifyRequests = simulator.Notify.Requests.Snapshot(),
                Poisoned = new Dictionary<string, int>(StringComparer.Ordinal)
                {
                    ["reminder-send"] = await MixWorkload.PoisonedAsync(storage, run + "-send", ct),
                    ["wfi-letters"] = await MixWorkload.PoisonedAsync(storage, run + "-wfi-letters", ct),
                    ["vacancy-feed"] = await MixWorkload.PoisonedAsync(storage, run + "-vacancy-feed", ct),
                },
            },
            clock.Elapsed);
        return proxy is null ? report : report with { Storage = new StorageFaultFigures(options.StorageFaults!, proxy.Counts, outageFigures) };
    }

    /// <summary>The storage outage, probed with <c>GET /api/appointments/{id}</c> as an office would ask.</summary>
    private static async Task<OutageFigures?> OutageAsync(StorageFaultProxy proxy, FaultRunOptions options, DateTimeOffset at, Uri probe, TableClient texts, CancellationToken ct)
        => await StorageOutage.RunAsync(
            proxy,
            at,
            options.StorageFaults!.Outage,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, probe);
                request.Headers.Add("x-functions-key", MixWorkload.OfficeKey);
                return request;
            },
            texts,
            // The outage ends early in the window: its backlog has the rest of the window and the drain to settle
            // (texts a later kill interrupts wait out their leases in it).
            options.DrainTimeout + TimeSpan.FromMinutes(options.WindowMinutes),
            options.Progress,
            ct);

    private static async Task<RunnerProcess> StartRunnerAsync(Dictionary<string, string> settings, string providers, int port, string logPath, CancellationToken ct)
    {
        settings["Sms:Providers"] = providers;
        return await RunnerProcess.StartAsync(settings, port, logPath, ct);
    }

    /// <summary>Sends a second copy of some texts' queue messages, soon after each falls due.</summary>
    private static async Task<int> DuplicateMessagesAsync(ServiceProvider services, List<TextRef> reminders, FaultRunOptions options, Random random, CancellationToken ct)
    {
        var queue = services.GetRequiredService<SendQueueWriter>();
        var chosen = reminders
            .Where(_ => random.NextDouble() < options.DuplicateMessageRate)
            .Select(r => (At: DueBuckets.Parse(r.Bucket).AddSeconds(random.Next(0, 45)), Reference: r))
            .OrderBy(c => c.At)
            .ToList();
        foreach (var (at, reference) in chosen)
        {
            await DelayUntilAsync(at, ct);
            await queue.EnqueueAsync(reference, ct);
        }

        return chosen.Count;
    }

    /// <summary>
    /// The vacancy batches (through the API and the feed queue in turn, the first queued batch delivered twice)
    /// and the invitations (one letter job in twenty sent twice), spread over the window while the runner is
    /// killed and restarted; and second copies of some alert texts' send-queue messages.
    /// </summary>
    private static async Task<MixSent> RunMixAsync(
        ServiceProvider services, IReadOnlyList<string> alertParents, IReadOnlyList<string> invitationParents, FaultRunOptions options,
        int port, DateTimeOffset start, int window, Stopwatch clock, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var api = new Uri($"http://127.0.0.1:{port}/api/");
        var today = DateOnly.FromDateTime(LondonTime.ToLocal(start).DateTime);
        var windowLength = TimeSpan.FromMinutes(window);
        var feedQueue = await services.GetRequiredService<StorageClients>().QueueAsync(services.GetRequiredService<IConfiguration>()["Vacancies:FeedQueue"]!, ct);
        var vacancies = Math.Min(20, options.Vacancies);
        var batches = alertParents.Count == 0 ? 0 : (vacancies + options.VacanciesPerBatch - 1) / Math.Max(1, options.VacanciesPerBatch);
        var alertDuplicates = MixWorkload.DuplicateAlertMessagesAsync(services, options.MixDuplicateRate, new Random(options.Seed + 1), start + windowLength + TimeSpan.FromSeconds(45), ct);

        async Task<(List<string> Refs, int Duplicated)> PostVacanciesAsync()
        {
            var refs = new List<string>();
            var duplicated = 0;
            for (var b = 0; b < batches; b++)
            {
                await DelayUntilAsync(start + windowLength * ((b + 0.5) / batches), ct);
                var numbers = Enumerable.Range(b * options.VacanciesPerBatch, options.VacanciesPerBatch).Where(n => n < vacancies).ToList();
                var batch = MixWorkload.VacancyBatch(numbers, Postcode, today);
                if (b % 2 == 0)
                {
                    var answer = await MixWorkload.PostAsync(http, new Uri(api, "vacancies"), MixWorkload.FeedKey, batch, ct);
                    using var result = JsonDocument.Parse(answer);
                    if (result.RootElement.GetProperty("accepted").GetInt32() != numbers.Count)
                    {
                        throw new InvalidOperationException("a vacancy batch was not accepted whole: " + answer);
                    }
                }
                else
                {
                    await feedQueue.SendMessageAsync(batch, ct);
                    if (b == 1)
                    {
                        await feedQueue.SendMessageAsync(batch, ct);
                        duplicated++;
                    }
                }

                refs.AddRange(numbers.Select(MixWorkload.VacancyRef));
                Say(options.Progress, $"[faults] {Elapsed(clock)} vacancy batch {b + 1} of {batches} sent ({(b % 2 == 0 ? "POST /api/vacancies" : "feed queue")})");
            }

            return (refs, duplicated);
        }

        async Task<(int Posted, int Duplicated)> PostInvitationsAsync()
        {
            var random = new Random(options.Seed + 2);
            var copies = new List<Task>();
            for (var k = 0; k < invitationParents.Count; k++)
            {
                // Over the first three quarters of the window, so that a letter whose Notify answer was lost late on
                // is not all that keeps the run waiting (it waits out its sending lease, about 2 minutes, before asking Notify).
                await DelayUntilAsync(start + windowLength * (0.75 * (k + 0.5) / invitationParents.Count), ct);
                var answer = await MixWorkload.PostAsync(http, new Uri(api, "wfi-invitations"), MixWorkload.OfficeKey, MixWorkload.Invitation(invitationParents[k], today), ct);
                if (random.NextDouble() < options.MixDuplicateRate)
                {
                    using var created = JsonDocument.Parse(answer);
                    copies.Add(MixWorkload.DuplicateLetterJobAsync(services, created.RootElement.GetProperty("id").GetString()!, TimeSpan.FromSeconds(random.Next(0, 20)), ct));
                }
            }

            await Task.WhenAll(copies);
            return (invitationParents.Count, copies.Count);
        }

        var posting = PostVacanciesAsync();
        var inviting = PostInvitationsAsync();
        var (refs, feedDuplicated) = await posting;
        var (_, jobsDuplicated) = await inviting;
        var alertsDuplicated = await alertDuplicates;
        return new MixSent([.. alertParents.SelectMany(p => refs.Select(r => $"alert-{p}-{r}"))], refs.Count, feedDuplicated, alertsDuplicated, jobsDuplicated);
    }

    /// <summary>
    /// Waits until no text is waiting to be sent or in the middle of a send, the alert timer has read every
    /// vacancy, and every invitation's letter is posted and its companion text settled; or the drain timeout.
    /// </summary>
    private static async Task<bool> DrainAsync(TableClient texts, StorageClients storage, FaultRunOptions options, DateTimeOffset windowEnd, Stopwatch clock, TextWriter progress, CancellationToken ct)
    {
        await DelayUntilAsync(windowEnd, ct);
        var deadline = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (deadline.Elapsed < options.DrainTimeout)
        {
            var states = (await ReadTextsAsync(texts, ct)).GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var open = states.Where(s => s.Key is TextStates.Scheduled or TextStates.Queued or TextStates.Sending).Sum(s => s.Value);
            var letters = (await MixWorkload.ReadInvitationsAsync(storage, ct)).GroupBy(i => LetterFigures.Settled(i) ? "settled" : i.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var openLetters = letters.Where(l => l.Key != "settled").Sum(l => l.Value);
            var alertsPlanned = await MixWorkload.AlertTimerCaughtUpAsync(storage, ct);
            if (open == 0 && openLetters == 0 && alertsPlanned)
            {
                return true;
            }

            if (deadline.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
            {
                lastReport = deadline.Elapsed;
                Say(progress, $"[faults] {Elapsed(clock)} waiting for {open} text(s) to settle: {string.Join(", ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}; invitations {string.Join(", ", letters.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}; alert timer {(alertsPlanned ? "has read every vacancy" : "still to read vacancies")}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        return false;
    }

    private static async Task<List<TextEntity>> ReadTextsAsync(TableClient texts, CancellationToken ct)
    {
        var all = new List<TextEntity>();
        await foreach (var text in texts.QueryAsync<TextEntity>(maxPerPage: 1000, cancellationToken: ct))
        {
            all.Add(text);
        }

        return all;
    }

    private static string Local(DateTimeOffset instant) => LondonTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);
}
