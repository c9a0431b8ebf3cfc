using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.ProviderSimulators;
using Pilot.Shared;
using Pilot.Shared.Appointments;
using Pilot.Shared.DemoData;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;
using static Pilot.TestSupport.Harness;

namespace Pilot.LoadRun;

/// <summary>
/// One load run. The local runner runs as a child process on a fresh set of tables and queues, sending texts
/// to the Twilio simulator (ACS behind it) and letters to the Notify simulator, both answering after a few
/// milliseconds and never failing. For <see cref="LoadRunOptions.Minutes"/> minutes messages fall due at
/// <see cref="LoadRunOptions.Rate"/> a second, mixed (<see cref="LoadMix"/>):
/// <list type="bullet">
/// <item>confirmations: short-notice bookings POSTed to /api/appointments, each queued at once;</item>
/// <item>reminders: <c>reminder-2h</c> texts of appointments booked before the run, falling due at each minute
/// of the run, which the dispatch tick queues (written as booking leaves them: a booking made through the API
/// this close to its reminder would plan only the confirmation);</item>
/// <item>vacancy alerts: vacancies POSTed to /api/vacancies, each matching one opted-in parent, in the minute before
/// their alerts fall due (the feed minute must end; the alert timer, each minute at :30, plans the alerts, due then,
/// and queues them itself);</item>
/// <item>WFI invitations: POSTed to /api/wfi-invitations with an office key: the letter job renders the letter,
/// posts it to Notify and sends the companion text.</item>
/// </list>
/// Every message is followed to the moment a simulator accepted it; the runner's memory and queue depths are
/// sampled every few seconds.
/// </summary>
public static class LoadRunner
{
    public const string FeedKey = "load-run-feed-key";
    private const string Sid = "AC0000000000000000000000000000load";
    private const string Token = "load-run-twilio-token";
    private const int MaxRequestsInFlight = 64;
    private static readonly string AcsKey = Convert.ToBase64String("load-run-acs-key"u8.ToArray());

    /// <summary>
    /// Vacancies go in over the window shifted this much earlier (see the class summary): those of a minute are planned
    /// (fall due) at :30 of the next, so the run's alerts fall due at :30 of each of its minutes.
    /// </summary>
    public static readonly TimeSpan AlertLead = TimeSpan.FromMinutes(1);

    /// <summary>The warm-up's rates as a share of the run's (<see cref="LoadRunOptions.Warmup"/>).</summary>
    public const double WarmupShare = 0.25;

    /// <summary>The warm-up ends this long before the window, before the alert timer's last run ahead of it.</summary>
    public static readonly TimeSpan WarmupEndsBefore = TimeSpan.FromSeconds(40);

    /// <summary>
    /// The warm-up's vacancies go in this long before the window's first (<see cref="AlertLead"/>), so the alert timer
    /// plans and sends their alerts at :30 before the window; its reminders fall due a minute before the window.
    /// </summary>
    public static readonly TimeSpan WarmAlertsBefore = TimeSpan.FromMinutes(1);

    public static async Task<LoadRunReport> RunAsync(LoadRunOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var progress = options.Progress;
        var run = "load" + Guid.NewGuid().ToString("N")[..8];
        var mix = LoadMix.At(options.Rate);
        var names = new RunNames(run);
        await using var services = Harness.BuildServices(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = options.Storage,
            ["Storage:TablePrefix"] = names.Run,
            ["Reminders:SendQueue"] = names.SendQueue,
            ["Reminders:InteractiveSendQueue"] = names.SendQueue + "-i",
        });
        await services.GetRequiredService<VenueCatalogue>().LoadAsync(DemoSeeder.PilotVenueRows(), ct);

        await using var simulator = await ProviderSimulator.StartAsync(new SimulatorOptions(Sid, Token, AcsKey) { RandomSeed = options.Seed }, ct);
        foreach (var faults in new[] { simulator.Twilio.Faults, simulator.Acs.Faults, simulator.Notify.Faults })
        {
            faults.LatencyMin = options.LatencyMin;
            faults.LatencyMax = options.LatencyMax;
        }

        var port = FreePort();
        simulator.Acs.EventGridWebhook = new Uri($"http://127.0.0.1:{port}/api/sms/acs/events");
        var settings = RunnerSettings(options, names, port, simulator.BaseUri);
        var notes = Notes(options, mix, settings);
        Say(progress, $"[load] {options.Rate:0.#} messages/s for {options.Minutes} minute(s): {mix.Confirmations:0.#}/s confirmations, {mix.Reminders:0.#}/s reminders, {mix.Alerts:0.#}/s vacancy alerts, {mix.Invitations:0.#}/s WFI invitations (a letter and a text each); tables {run}*");
        foreach (var note in notes)
        {
            Say(progress, $"[load] {note}");
        }

        var logPath = Path.Combine(options.LogDirectory, run + "-runner.log");
        await using var runner = await RunnerProcess.StartAsync(settings, port, logPath, ct);
        Say(progress, $"[load] runner started (pid {runner.Id}); its log: {logPath}");
        var startRss = ProcStats.ResidentBytes(runner.Id);

        using var client = new PilotClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(60) }, FeedKey);
        var parents = LoadParent.Make(options.Parents);
        var parentIds = new string[parents.Count];
        await Parallel.ForAsync(0, parents.Count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
            parentIds[i] = await client.RegisterParentAsync(parents[i], token));
        Say(progress, $"[load] {Elapsed(clock)} registered {parents.Count:N0} parents through POST /api/parents (reminders and immediate vacancy alerts on)");

        // The load starts on a minute boundary, leaving the vacancies their lead, and the warm-up's vacancies a minute more.
        var warming = options.Warmup > TimeSpan.Zero;
        var t0 = DueBuckets.LastDueMinute(DateTimeOffset.UtcNow + AlertLead + TimeSpan.FromSeconds(70) + (warming ? WarmAlertsBefore : TimeSpan.Zero));
        var window = TimeSpan.FromMinutes(options.Minutes);
        var offered = new ConcurrentBag<OfferedMessage>();
        var alerts = new ConcurrentBag<(string Key, DateTimeOffset ActionAt)>();
        var invited = new ConcurrentBag<(string Id, string Reference, DateTimeOffset ActionAt)>();
        using var generator = new LoadGenerator(parents, MaxRequestsInFlight, ct);

        // Neither offered nor counted: the warm-up's keys are kept only to leave them out of the progress line.
        var warm = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var warmReminders = warming ? (int)Math.Round(mix.Reminders * 60 * WarmupShare) : 0;
        var seeding = SeedRemindersAsync(services, parents, parentIds, generator, mix, t0, options.Minutes, warmReminders, offered, warm, ct);
        // Vacancies, each at one parent's postcode with their keyword (one alert each): the alert's key is kept with the
        // moment the POST was answered.
        Func<IReadOnlyList<LoadParent>, DateTimeOffset, CancellationToken, Task> PostVacancies(string tag, Action<string, DateTimeOffset> keep) => async (batch, at, token) =>
        {
            var items = batch.Select(parent => (Ref: $"{run}{tag}-{parent.Index:D4}-{Guid.NewGuid().ToString("N")[..8]}", For: parent)).ToList();
            await client.PostVacanciesAsync(items, DateOnly.FromDateTime(t0.UtcDateTime).AddDays(10), token);
            var answered = DateTimeOffset.UtcNow;
            foreach (var (reference, parent) in items)
            {
                keep($"alert-{parentIds[parent.Index]}-{reference}", answered);
            }
        };

        // The warm-up's, a minute before the window's: the alert timer plans and sends their alerts at :30 before the window.
        var warmAlerts = !warming ? Task.CompletedTask : generator.PaceAsync(
            t0 - AlertLead - WarmAlertsBefore, options.Warmup, mix.Alerts * WarmupShare, PostVacancies("-warm", (key, _) => warm.TryAdd(key, 0)), batched: true);
        var vacancies = generator.PaceAsync(t0 - AlertLead, window, mix.Alerts, PostVacancies("", (key, answered) => alerts.Add((key, answered))), batched: true);
        var seeded = await seeding;
        if (DateTimeOffset.UtcNow >= t0)
        {
            throw new InvalidOperationException("seeding the reminders took past the start of the load; the first minutes' reminders would be missed");
        }

        Say(progress, $"[load] {Elapsed(clock)} wrote {seeded:N0} reminder-2h texts due at each minute {t0:HH:mm}-{t0 + window - TimeSpan.FromMinutes(1):HH:mm} UTC; vacancies going in since {t0 - AlertLead:HH:mm:ss}; load starts {t0:HH:mm:ss} UTC");

        var sampler = new LoadSampler(options.Storage, () => runner.Id, options.AzuritePids, names.SendQueue, names.LetterQueue, names.FeedQueue);
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var today = RespondByDate.LondonDate(t0);
        var invitationCount = 0;
        // The run's and the warm-up's requests alike; the invitations share the count so that each keeps its own times.
        Task<(string AppointmentId, DateTimeOffset DueAt)> BookAsync(LoadParent parent, CancellationToken token) =>
            client.BookShortNoticeAsync(parent, parentIds[parent.Index], PilotClient.OpenFrom(parent.CentreId, DateTimeOffset.UtcNow.AddMinutes(90)), token);
        Task<(string Id, string Reference)> InviteAsync(LoadParent parent, CancellationToken token) =>
            client.InviteAsync(parent, parentIds[parent.Index], today, Interlocked.Increment(ref invitationCount), token);

        if (warming)
        {
            var warmFrom = t0 - WarmupEndsBefore - options.Warmup;
            await Task.WhenAll(
                generator.PaceAsync(warmFrom, options.Warmup, mix.Confirmations * WarmupShare, async (batch, at, token) =>
                {
                    foreach (var parent in batch)
                    {
                        warm.TryAdd(ConfirmationKey((await BookAsync(parent, token)).AppointmentId), 0);
                    }
                }),
                generator.PaceAsync(warmFrom, options.Warmup, mix.Invitations * WarmupShare, async (batch, at, token) =>
                {
                    foreach (var parent in batch)
                    {
                        var (id, reference) = await InviteAsync(parent, token);
                        warm.TryAdd(LetterKey(reference), 0);
                        warm.TryAdd(CompanionKey(id), 0);
                    }
                }),
                warmAlerts);
            Say(progress, $"[load] {Elapsed(clock)} warm-up done");
        }

        await DelayUntilAsync(t0, ct);
        var sampling = sampler.RunAsync(TimeSpan.FromSeconds(5), stopSampling.Token);
        var confirmations = generator.PaceAsync(t0, window, mix.Confirmations, async (batch, at, token) =>
        {
            foreach (var parent in batch)
            {
                var (appointmentId, dueAt) = await BookAsync(parent, token);
                offered.Add(new OfferedMessage(ConfirmationKey(appointmentId), MessageKinds.Confirmation, dueAt, at));
            }
        });
        var invitations = generator.PaceAsync(t0, window, mix.Invitations, async (batch, at, token) =>
        {
            foreach (var parent in batch)
            {
                var (id, reference) = await InviteAsync(parent, token);
                invited.Add((id, reference, at));
            }
        });

        var progressLoop = ReportProgressAsync(simulator, sampler, offered, alerts, invited, warm, t0, clock, progress, stopSampling.Token);
        await Task.WhenAll(vacancies, confirmations, invitations);
        await generator.WhenSentAsync();
        Say(progress, $"[load] {Elapsed(clock)} load offered; generator {generator.Refused} refused request(s), fell behind its schedule by at most {generator.MaxLag.TotalSeconds:F1} s");

        // Drain: until every offered message has reached its provider.
        var drain = Stopwatch.StartNew();
        var expected = offered.Select(o => o.Key)
            .Concat(alerts.Select(a => a.Key))
            .Concat(invited.SelectMany(i => new[] { LetterKey(i.Reference), CompanionKey(i.Id) }))
            .ToHashSet(StringComparer.Ordinal);
        while (drain.Elapsed < options.DrainTimeout && Completions(simulator).Select(c => c.Key).Where(expected.Contains).Distinct(StringComparer.Ordinal).Count() < expected.Count)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        await stopSampling.CancelAsync();
        await sampling;
        await progressLoop;
        var endRss = ProcStats.ResidentBytes(runner.Id);

        var alertDue = await AlertDueTimesAsync(services, ct);
        var requestedAt = await InvitationTimesAsync(services, ct);
        var all = offered.ToList();
        foreach (var (id, reference, actionAt) in invited)
        {
            var eligible = requestedAt.TryGetValue(id, out var requested) ? requested : actionAt;
            all.Add(new OfferedMessage(LetterKey(reference), MessageKinds.Letter, eligible, actionAt));
            all.Add(new OfferedMessage(CompanionKey(id), MessageKinds.CompanionText, eligible, actionAt));
        }

        foreach (var (key, actionAt) in alerts)
        {
            // Eligible when the alert timer planned it (its DueAt; the timer queues it then). An alert never planned keeps
            // "eligible" unknown: it is placed at the lead after its vacancy and counted as missing.
            var eligible = alertDue.TryGetValue(key, out var due) ? due : actionAt + AlertLead;
            all.Add(new OfferedMessage(key, MessageKinds.Alert, eligible, actionAt));
        }

        var completions = Completions(simulator)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MinBy(c => c.ReceivedAt)!, StringComparer.Ordinal);
        await WriteMessagesAsync(Path.Combine(options.LogDirectory, run + "-messages.csv"), all, completions, ct);
        Say(progress, $"[load] every message with its times: {Path.Combine(options.LogDirectory, run + "-messages.csv")}");
        return new LoadRunReport(new LoadRunFacts(
            options,
            mix,
            t0,
            all,
            completions,
            sampler.Samples,
            startRss,
            endRss,
            generator.Refused,
            generator.FirstError,
            generator.MaxLag,
            notes,
            clock.Elapsed));
    }

    /// <summary>
    /// Reminders as booking leaves them: an appointment 2 hours after each due minute and its <c>reminder-2h</c> text;
    /// first the warm-up's, due the minute before the window (not offered).
    /// </summary>
    private static async Task<int> SeedRemindersAsync(
        ServiceProvider services,
        IReadOnlyList<LoadParent> parents,
        string[] parentIds,
        LoadGenerator generator,
        LoadMix mix,
        DateTimeOffset t0,
        int minutes,
        int warmReminders,
        ConcurrentBag<OfferedMessage> offered,
        ConcurrentDictionary<string, byte> warm,
        CancellationToken ct)
    {
        var perMinute = mix.Reminders * 60;
        var planned = Enumerable.Range(0, minutes)
            .SelectMany(k => Enumerable.Range(0, (int)Math.Round(perMinute * (k + 1)) - (int)Math.Round(perMinute * k)).Select(_ => t0.AddMinutes(k)))
            .Select(due => (DueAt: due, Parent: generator.NextParent(), Id: ParentRegistration.NewId()))
            .ToList();
        var warming = Enumerable.Range(0, warmReminders)
            .Select(_ => (DueAt: t0.AddMinutes(-1), Parent: generator.NextParent(), Id: ParentRegistration.NewId()))
            .ToList();
        var appointments = services.GetRequiredService<AppointmentStore>();
        var texts = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.Texts, ct);
        var bookedAt = DateTimeOffset.UtcNow.AddDays(-1);
        await Parallel.ForEachAsync(warming, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (p, token) =>
            warm.TryAdd((await WriteBookedReminderAsync(
                appointments, texts, p.Id, parentIds[p.Parent.Index], p.Parent.CentreId, MessageKinds.Reminder, p.DueAt, p.DueAt.AddHours(2), bookedAt, token)).TextId, 0));
        if (warming.Count > 0 && DateTimeOffset.UtcNow >= t0.AddMinutes(-1))
        {
            throw new InvalidOperationException("writing the warm-up's reminders took past their minute; the window's first tick would send them");
        }

        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (p, token) =>
        {
            var reference = await WriteBookedReminderAsync(
                appointments, texts, p.Id, parentIds[p.Parent.Index], p.Parent.CentreId, MessageKinds.Reminder, p.DueAt, p.DueAt.AddHours(2), bookedAt, token);
            // Nothing happens during the run to cause a reminder: it is simply due, so its end-to-end time is its queue latency.
            offered.Add(new OfferedMessage(reference.TextId, MessageKinds.Reminder, p.DueAt, p.DueAt));
        });
        return planned.Count;
    }

    /// <summary>One line per offered message, for a closer look: its key, kind, times and the provider that took it.</summary>
    private static async Task WriteMessagesAsync(string path, List<OfferedMessage> offered, Dictionary<string, Completion> completions, CancellationToken ct)
    {
        await using var file = new StreamWriter(path);
        await file.WriteLineAsync("key,kind,action_at,eligible_at,accepted_at,provider,queue_latency_s");
        foreach (var o in offered.OrderBy(o => o.EligibleAt))
        {
            var done = completions.GetValueOrDefault(o.Key);
            await file.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{o.Key},{o.Kind},{o.ActionAt:O},{o.EligibleAt:O},{done?.ReceivedAt.ToString("O", CultureInfo.InvariantCulture)},{done?.Provider},{(done is null ? "" : (done.ReceivedAt - o.EligibleAt).TotalSeconds.ToString("F3", CultureInfo.InvariantCulture))}").AsMemory(), ct);
        }
    }

    /// <summary>Every provider acceptance so far, keyed as offered messages are (see <see cref="OfferedMessage"/>).</summary>
    private static List<Completion> Completions(ProviderSimulator simulator)
    {
        var all = new List<Completion>();
        foreach (var message in simulator.Twilio.Accepted)
        {
            if (MessageIdFromCallback(message.StatusCallback) is { } id)
            {
                all.Add(new Completion(KeyOf(id), "twilio", message.DateCreated));
            }
        }

        all.AddRange(simulator.Acs.Accepted.Snapshot().Where(m => m.Tag is not null).Select(m => new Completion(KeyOf(m.Tag!), "acs", m.AcceptedAt)));
        all.AddRange(simulator.Notify.Letters.Snapshot().Select(l => new Completion(LetterKey(l.Reference), "notify", l.ReceivedAt)));
        return all;
    }

    private static string KeyOf(string messageId) => TextRef.TryParseMessageId(messageId, out var reference) ? reference.TextId : messageId;

    private static string? MessageIdFromCallback(Uri? callback)
    {
        const string Name = "messageId=";
        var query = callback?.Query ?? "";
        var at = query.IndexOf(Name, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var value = query[(at + Name.Length)..];
        var end = value.IndexOf('&', StringComparison.Ordinal);
        return Uri.UnescapeDataString(end < 0 ? value : value[..end]);
    }

    private static async Task<Dictionary<string, DateTimeOffset>> AlertDueTimesAsync(ServiceProvider services, CancellationToken ct)
    {
        var texts = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.Texts, ct);
        var due = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var text in texts.QueryAsync<TableEntity>(
            filter: TableClient.CreateQueryFilter($"Kind eq {AlertTextKinds.Alert}"), maxPerPage: 1000, select: ["RowKey", "DueAt"], cancellationToken: ct))
        {
            due[text.RowKey] = text.GetDateTimeOffset("DueAt") ?? throw new InvalidOperationException($"alert text {text.RowKey} has no DueAt");
        }

        return due;
    }

    private static async Task<Dictionary<string, DateTimeOffset>> InvitationTimesAsync(ServiceProvider services, CancellationToken ct)
    {
        var invitations = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.WfiInvitations, ct);
        var requested = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var invitation in invitations.QueryAsync<TableEntity>(maxPerPage: 1000, select: ["RowKey", "RequestedAt"], cancellationToken: ct))
        {
            requested[invitation.RowKey] = invitation.GetDateTimeOffset("RequestedAt") ?? throw new InvalidOperationException($"invitation {invitation.RowKey} has no RequestedAt");
        }

        return requested;
    }

    private static async Task ReportProgressAsync(
        ProviderSimulator simulator,
        LoadSampler sampler,
        ConcurrentBag<OfferedMessage> offered,
        ConcurrentBag<(string Key, DateTimeOffset ActionAt)> alerts,
        ConcurrentBag<(string Id, string Reference, DateTimeOffset ActionAt)> invited,
        ConcurrentDictionary<string, byte> warm,
        DateTimeOffset t0, Stopwatch clock, TextWriter progress, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                var samples = sampler.Samples;
                var last = samples.Count == 0 ? null : samples[^1];
                var due = offered.Count(o => o.EligibleAt <= DateTimeOffset.UtcNow) + alerts.Count + 2 * invited.Count;
                Say(progress, $"[load] {Elapsed(clock)} minute {(DateTimeOffset.UtcNow - t0).TotalMinutes:F1}: {due:N0} offered (alerts counted when their vacancy went in), {Completions(simulator).Count(c => !warm.ContainsKey(c.Key)):N0} accepted by the providers; send queue {last?.SendQueue}, letter queue {last?.LetterQueue}; runner RSS {Mb(last?.ResidentBytes)}");
            }
        }
        catch (OperationCanceledException)
        {
            // The drain is over.
        }
    }

    private static Dictionary<string, string> RunnerSettings(LoadRunOptions options, RunNames names, int port, Uri simulator)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = options.Storage,
            ["Storage:TablePrefix"] = names.Run,
            ["Reminders:SendQueue"] = names.SendQueue,
            ["Reminders:InteractiveSendQueue"] = names.SendQueue + "-i",
            ["Wfi:LetterQueue"] = names.LetterQueue,
            ["Vacancies:FeedQueue"] = names.FeedQueue,
            ["Letters:Container"] = names.Run,
            ["Reminders:DispatchSchedule"] = "0 * * * * *",
            ["Vacancies:AlertSchedule"] = "30 * * * * *",
            ["Wfi:DefaultSchedule"] = "0 0 * * * *",
            ["Retention:Schedule"] = "0 30 2 * * *",
            ["LocalRunner:Port"] = Invariant(port),
            ["Access:Feed"] = OfficeKeys.HashOfKey(FeedKey),
            ["Demo:Seed"] = "false",
            ["Sms:QuietHoursStart"] = "00:00",
            ["Sms:QuietHoursEnd"] = "00:00",
            ["Sms:MaxPerNumberPerHour"] = Invariant(options.MaxPerNumberPerHour),
            ["Sms:Providers"] = "twilio,acs",
            ["Sms:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Sms:Twilio:AccountSid"] = Sid,
            ["Sms:Twilio:AuthToken"] = Token,
            ["Sms:Twilio:From"] = "+441134960000",
            ["Sms:Twilio:ApiBaseUrl"] = simulator.ToString(),
            ["Sms:Twilio:MessagesPerSecond"] = Invariant(Math.Max(10, options.Rate * 2)),
            ["Sms:Acs:ConnectionString"] = $"endpoint={simulator};accesskey={AcsKey}",
            ["Sms:Acs:From"] = "+441134960001",
            ["Sms:Acs:MessagesPerSecond"] = Invariant(Math.Max(10, options.Rate * 2)),
            ["Letters:Notify:ApiKey"] = SimulatorOptions.DefaultNotifyApiKey,
            ["Letters:Notify:BaseUrl"] = simulator.ToString(),
            ["Wfi:TokenSigningKey"] = "load-run-only-wfi-token-signing-key-" + names.Run,
            ["Wfi:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var office in DemoSeeder.PilotVenues().Where(v => v.Kind == VenueKinds.Jobcentre))
        {
            settings[$"Access:Offices:{office.Id}"] = OfficeKeys.HashOf(office.Id);
        }

        return settings;
    }

    /// <summary>Keys of offered messages and completions (see <see cref="OfferedMessage"/>): a booking's confirmation text, an invitation's letter and its companion text.</summary>
    private static string ConfirmationKey(string appointmentId) => TextEntity.IdFor(appointmentId, 1, MessageKinds.Confirmation);

    private static string LetterKey(string reference) => "letter:" + reference;

    private static string CompanionKey(string invitationId) => $"wfi-{invitationId}-letter";

    /// <summary>What the run sets differently from the defaults, and why; printed before and after the run.</summary>
    private static List<string> Notes(LoadRunOptions options, LoadMix mix, Dictionary<string, string> settings)
    {
        var perNumberPerHour = mix.TextsPerSecond * Math.Min(60, options.Minutes) * 60 / options.Parents;
        var alertsPerParent = mix.Alerts * options.Minutes * 60 / options.Parents;
        var notes = new List<string>
        {
            "quiet hours are OFF for this run (Sms:QuietHoursStart = Sms:QuietHoursEnd = 00:00), so the run measures the same at any hour",
            $"hourly cap per number raised to {options.MaxPerNumberPerHour} (Sms:MaxPerNumberPerHour; default 10): {options.Parents:N0} fictional numbers (07700 900000-900999) get about {perNumberPerHour:F0} texts each in any 60 minutes of this run"
                + (perNumberPerHour > options.MaxPerNumberPerHour ? ": ABOVE the cap, so texts will wait for a slot to free (60 minutes after an earlier one)" : ", under the cap"),
            $"vacancy alerts: the alert timer runs every minute at :30 (Vacancies:AlertSchedule = {settings["Vacancies:AlertSchedule"]}; default every 5 minutes); about {alertsPerParent:F0} alerts per parent (weekly cap 20)"
                + (alertsPerParent > 20 ? ": ABOVE the weekly cap, some alerts will not be sent" : ""),
            $"providers: Twilio then ACS (simulators, no faults, {options.LatencyMin.TotalMilliseconds:F0}-{options.LatencyMax.TotalMilliseconds:F0} ms latency), {settings["Sms:Twilio:MessagesPerSecond"]} messages/s each; letters through the Notify simulator",
            "the runner logs warnings and errors only (Logging:LogLevel:Default = Warning)",
            options.Warmup > TimeSpan.Zero
                ? $"warm-up, not counted, every kind at {WarmupShare:P0} of its rate: {options.Warmup.TotalSeconds:F0} s of bookings and WFI invitations ending {WarmupEndsBefore.TotalSeconds:F0} s before the window, {mix.Reminders * 60 * WarmupShare:F0} reminders due the minute before it (the dispatch tick's sends), and {options.Warmup.TotalSeconds:F0} s of vacancies a minute before the window's (their alerts planned and sent at :30 before it); the worker's first sends of a kind run its code for the first time (--warmup 0 for none)"
                : "no warm-up (--warmup 0): the window starts with the worker's first bookings, invitations, reminders and alerts",
        };
        return notes;
    }

    internal static string Mb(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1024.0 / 1024.0:F0} MB") : "n/a";

    private sealed record RunNames(string Run)
    {
        public string SendQueue => Run + "-send";

        public string LetterQueue => Run + "-letters";

        public string FeedQueue => Run + "-feed";
    }
}
