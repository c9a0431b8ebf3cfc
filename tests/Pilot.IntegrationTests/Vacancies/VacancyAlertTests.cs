using System.Globalization;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Vacancies;

/// <summary>The alert timer and the send path on real Azurite, with the clock in the test's hands.</summary>
public sealed class VacancyAlertTests
{
    [Fact]
    public async Task A_matching_vacancy_reaches_the_outbox_once_and_never_twice()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));

        var first = await VacancyScenario.PlanAsync(services);
        var sent = await SendQueueReader.DrainAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1", title: "Teaching assistant (SEN)"));
        var again = await VacancyScenario.PlanAsync(services);
        var sentAgain = await SendQueueReader.DrainAsync(services);

        Assert.Equal(1, first.Alerts);
        Assert.Equal([SendOutcome.Sent], sent);
        Assert.Equal(1, again.AlreadySent);
        Assert.Equal(0, again.Alerts);
        Assert.Empty(sentAgain);
        var text = Assert.Single(await Outbox.AllAsync(services));
        var body = text.GetString("Body");
        Assert.Contains("Teaching assistant", body, StringComparison.Ordinal);
        Assert.Contains("Oakfield Primary School", body, StringComparison.Ordinal);
        Assert.Contains("SW2", body, StringComparison.Ordinal);
        Assert.Contains("Mon-Fri 9:30-2:30", body, StringComparison.Ordinal);
        Assert.Matches("1\\.3 ?km", body);
        Assert.Contains("https://oakfield.example.org/jobs", body, StringComparison.Ordinal);
        Assert.Contains("JOBS OFF", body, StringComparison.Ordinal);
        Assert.Equal(1, SmsText.Analyse(body!).Fragments);
    }

    [Fact]
    public async Task An_alert_due_when_planned_is_queued_by_the_run_itself_and_the_next_tick_does_not_queue_it_again()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        services.Time.Advance(TimeSpan.FromMinutes(5.5)); // mid-minute: its text's minute (rounded up) is still to come

        var run = await services.Get<VacancyAlertPlanner>().RunAsync(CancellationToken.None);
        var queued = await SendQueueReader.ReceiveAllAsync(services);

        Assert.Equal(1, run.Alerts);
        Assert.Equal(1, run.QueuedAtOnce);
        var text = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        Assert.Equal(TextStates.Queued, text.GetString("State"));
        Assert.True(DueBuckets.Parse(text.PartitionKey) > services.Time.GetUtcNow(), "the text's minute is still to come");
        var message = Assert.Single(queued);
        Assert.Equal(new TextRef(text.PartitionKey, text.RowKey), message.Text);
        Assert.Equal(SendOutcome.Sent, await services.Get<TextSender>().SendAsync(message.Text, CancellationToken.None));

        // The tick reaching that minute finds nothing left to queue.
        services.Time.Advance(TimeSpan.FromMinutes(1));
        await VacancyScenario.DispatchUpToNowAsync(services);
        Assert.Empty(await SendQueueReader.ReceiveAllAsync(services));
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task An_alert_queued_by_a_run_that_died_before_marking_it_is_queued_again_by_the_tick_and_sent_once()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        services.Time.Advance(TimeSpan.FromMinutes(5.5));
        await services.Get<VacancyAlertPlanner>().RunAsync(CancellationToken.None);
        var text = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        // As if the run had died after queueing the text and before marking it: the text is still scheduled in its minute.
        var store = services.Get<TextStore>();
        var row = (await store.GetAsync(new TextRef(text.PartitionKey, text.RowKey), CancellationToken.None))!;
        row.State = TextStates.Scheduled;
        Assert.True(await store.TryReplaceAsync(row, CancellationToken.None));

        services.Time.Advance(TimeSpan.FromMinutes(1));
        await VacancyScenario.DispatchUpToNowAsync(services);
        var outcomes = await SendQueueReader.DrainAsync(services);

        Assert.Equal(2, outcomes.Count); // the run's message and the tick's
        Assert.Equal(1, outcomes.Count(o => o == SendOutcome.Sent));
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task An_alert_claimed_by_a_run_that_died_before_writing_its_text_is_written_and_sent_once_by_the_next_run()
    {
        // Before: the next run found the vacancy "already sent" and the alert was lost.
        await using var services = await PilotServices.StartAsync();
        var parent = await VacancyScenario.JobSeekerAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        var now = services.Time.GetUtcNow();
        // The run that died: its claim is in the ledger, its text was never written, its cursor never moved.
        await services.Get<AlertLedger>().ClaimAsync(parent, new AlertItem("V-1", 1.3), AlertWeeks.For(AlertWeeks.LondonDate(now)), 5, DueBuckets.For(now), now, CancellationToken.None);

        var run = await VacancyScenario.PlanAsync(services);
        var sent = await SendQueueReader.DrainAsync(services);
        var again = await VacancyScenario.PlanAsync(services);
        var sentAgain = await SendQueueReader.DrainAsync(services);

        Assert.Equal(1, run.AlreadySent);
        Assert.Contains(SendOutcome.Sent, sent);
        Assert.Equal(1, sent.Count(o => o == SendOutcome.Sent));
        Assert.Equal(0, again.AlreadySent + again.Alerts);
        Assert.Empty(sentAgain);
        var text = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        Assert.Equal(DueBuckets.For(now), text.PartitionKey);
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task A_digest_item_claimed_by_a_run_that_died_before_writing_the_digest_text_goes_in_the_digest_once()
    {
        // Before: the next run found the vacancy "already sent", no digest text was ever written, and the item was lost.
        await using var services = await PilotServices.StartAsync();
        var parent = await VacancyScenario.JobSeekerAsync(services, mode: AlertModes.Digest);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1", title: "Teaching assistant"));
        var now = services.Time.GetUtcNow();
        // The run that died: the item is in a new digest in the ledger, the digest's text was never written.
        var (claim, date) = await services.Get<AlertLedger>().ClaimForDigestAsync(parent, new AlertItem("V-1", 1.3), AlertWeeks.LondonDate(now), 5, now, CancellationToken.None);
        Assert.Equal(AlertClaim.ClaimedNewDigest, claim);
        Assert.Empty(await VacancyScenario.AllAsync(services, TableNames.Texts));

        var run = await VacancyScenario.PlanAsync(services);
        var again = await VacancyScenario.PlanAsync(services);

        Assert.Equal(1, run.AlreadySent);
        Assert.Equal(0, again.AlreadySent + again.DigestItems);
        var planned = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        Assert.Equal(AlertTextKinds.Digest, planned.GetString("Kind"));
        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), planned.GetString("DigestDate"));
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 18, 0, 10, TimeSpan.Zero));
        await VacancyScenario.DispatchUpToNowAsync(services);
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services));
        Assert.Contains("Teaching assistant", Assert.Single(await Outbox.AllAsync(services)).GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timer_reads_only_the_profiles_near_the_new_vacancies()
    {
        await using var services = await PilotServices.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await VacancyScenario.JobSeekerAsync(services, VacancyScenario.Stockwell, mobile: $"07700 9001{i:00}");
        }

        for (var i = 0; i < 12; i++)
        {
            await VacancyScenario.JobSeekerAsync(services, VacancyScenario.Blackpool, mobile: $"07700 9002{i:00}", maxTravelKm: 10 + i);
        }

        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        var counter = services.Get<StorageRequestCounter>();
        services.Time.Advance(TimeSpan.FromMinutes(5));
        var before = counter.Snapshot();

        var run = await services.Get<VacancyAlertPlanner>().RunAsync(CancellationToken.None);

        var requests = counter.Snapshot().Since(before);
        Assert.Equal(1, run.VacanciesRead);
        Assert.Equal(3, run.ProfilesRead);
        Assert.Equal(3, run.Alerts);
        Assert.Equal(9, run.ProfileQueries);
        // cursor read + feed query + 9 profile range queries + per alert (week read, claim, text) + one transaction
        // marking the three alerts queued + cursor write, and three tables (Cursors, AlertLedger, Texts) created on
        // their first use in this process.
        Assert.Equal(1 + 1 + 9 + (3 * 3) + 1 + 1 + 3, requests.Tables);
        Assert.Equal(3, run.QueuedAtOnce);
    }

    [Fact]
    public async Task The_weekly_cap_stops_alerts_once_reached()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await VacancyScenario.JobSeekerAsync(services, maxPerWeek: 2);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"), VacancyScenario.Vacancy("V-2"), VacancyScenario.Vacancy("V-3"));

        var run = await VacancyScenario.PlanAsync(services);
        var sent = await SendQueueReader.DrainAsync(services);

        Assert.Equal(2, run.Alerts);
        Assert.Equal(1, run.Capped);
        Assert.Equal(2, sent.Count(o => o == SendOutcome.Sent));
        Assert.Equal(2, (await Outbox.AllAsync(services)).Count);
        Assert.Equal(2, await services.Get<AlertLedger>().WeekCountAsync(parent, "2026-W10", CancellationToken.None));

        // Next ISO week (London): the count starts again.
        services.Time.Advance(TimeSpan.FromDays(6));
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-4"));
        var nextWeek = await VacancyScenario.PlanAsync(services);
        Assert.Equal(1, nextWeek.Alerts);
    }

    [Fact]
    public async Task A_vacancy_found_in_quiet_hours_is_planned_for_their_end()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);
        services.Time.Advance(TimeSpan.FromHours(12)); // 21:00 London (GMT in March)
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));

        var run = await VacancyScenario.PlanAsync(services);

        Assert.Equal(1, run.Alerts);
        var text = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), text.GetDateTimeOffset("DueAt"));
        Assert.Empty(await SendQueueReader.DrainAsync(services));
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 0, 30, TimeSpan.Zero));
        await VacancyScenario.DispatchUpToNowAsync(services);
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services));
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task An_alert_that_comes_to_be_sent_in_quiet_hours_is_deferred_to_their_end_not_dropped()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);
        services.Time.Advance(TimeSpan.FromHours(11.75)); // 20:45 London
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        await VacancyScenario.PlanAsync(services);
        var queued = await SendQueueReader.ReceiveAllAsync(services);

        services.Time.Advance(TimeSpan.FromMinutes(20)); // a late worker, at 21:10
        var outcome = await services.Get<TextSender>().SendAsync(Assert.Single(queued).Text, CancellationToken.None);

        Assert.Equal(SendOutcome.Deferred, outcome);
        var moved = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        Assert.Equal(TextStates.Scheduled, moved.GetString("State"));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), moved.GetDateTimeOffset("DueAt"));
        Assert.Empty(await Outbox.AllAsync(services));
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 0, 30, TimeSpan.Zero));
        await VacancyScenario.DispatchUpToNowAsync(services);
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services));
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task Jobs_off_stops_pending_alerts_but_not_reminders_and_stop_stops_them_too()
    {
        await using var services = await PilotServices.StartAsync();
        var jobsOff = await VacancyScenario.JobSeekerAsync(services, mobile: "07700 900111");
        var stopped = await VacancyScenario.JobSeekerAsync(services, mobile: "07700 900222");
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        await VacancyScenario.PlanAsync(services);

        var inbound = services.Get<InboundTexts>();
        var off = await inbound.HandleAsync(new InboundText("+447700900111", "Jobs off please", "twilio", "SM1", services.Time.GetUtcNow()), CancellationToken.None);
        var stop = await inbound.HandleAsync(new InboundText("+447700900222", "STOP", "twilio", "SM2", services.Time.GetUtcNow()), CancellationToken.None);
        var outcomes = await SendQueueReader.DrainAsync(services);

        Assert.Equal(InboundOutcome.AlertsOff, off);
        Assert.Equal(InboundOutcome.OptedOut, stop);
        Assert.Equal([SendOutcome.Cancelled, SendOutcome.Cancelled], outcomes);
        // The two confirmations are Texts rows too (every text is): the alerts are the rows of an alert kind.
        var texts = (await VacancyScenario.AllAsync(services, TableNames.Texts)).Where(t => AlertTextKinds.IsAlert(t.GetString("Kind"))).ToList();
        Assert.Equal(["alerts-off", "opted-out"], texts.OrderBy(t => t.GetString("ParentId") == jobsOff ? 0 : 1).Select(t => t.GetString("CancelReason")));
        var parent = await services.Get<ParentStore>().GetAsync(jobsOff, CancellationToken.None);
        Assert.False(parent!.AlertsOptIn);
        Assert.True(parent.MayReceiveReminders);
        var change = (await services.Get<ParentStore>().ConsentHistoryAsync(jobsOff, CancellationToken.None)).Last(c => c.Consent == ParentConsents.VacancyAlerts);
        Assert.False(change.Given);
        Assert.Equal("sms-twilio", change.Channel);
        // Only the two confirmations reached the outbox; JOBS OFF says how to turn alerts back on.
        var replies = await Outbox.AllAsync(services);
        Assert.Equal(2, replies.Count);
        Assert.Contains(replies, r => r.GetString("Body") == AlertText.AlertsOffConfirmed());

        // And the timer no longer reads the parent who said JOBS OFF.
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-2"));
        var later = await VacancyScenario.PlanAsync(services);
        Assert.Equal(1, later.ProfilesRead);
        _ = stopped;
    }

    [Fact]
    public async Task An_alert_whose_vacancy_expired_before_sending_is_cancelled()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1", expiryDate: "2026-03-03"));
        await VacancyScenario.PlanAsync(services);
        var text = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));

        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var outcome = await services.Get<TextSender>().SendAsync(new TextRef(text.PartitionKey, text.RowKey), CancellationToken.None);

        Assert.Equal(SendOutcome.Cancelled, outcome);
        Assert.Equal("vacancy-expired", (await VacancyScenario.AllAsync(services, TableNames.Texts)).Single().GetString("CancelReason"));
        Assert.Empty(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task An_expired_vacancy_never_matches()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await VacancyScenario.JobSeekerAsync(services);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1", expiryDate: "2026-03-02"));

        var run = await VacancyScenario.PlanAsync(services);
        var matches = await services.Get<ParentMatches>().ForParentAsync(RoleKeys.LambethOffice, parent, CancellationToken.None);

        Assert.Equal(1, run.VacanciesRead);
        Assert.Equal(0, run.OpenVacancies);
        Assert.Empty(matches.Value!.Matches);
    }

    [Fact]
    public async Task A_digest_parent_gets_one_text_at_digest_time_listing_the_days_matches()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await VacancyScenario.JobSeekerAsync(services, mode: AlertModes.Digest);
        var batch = Enumerable.Range(1, 12).Select(i => (object)VacancyScenario.Vacancy($"V-{i}", title: $"Teaching assistant {i}")).ToArray();
        await VacancyScenario.PostAsync(services, batch);

        var run = await VacancyScenario.PlanAsync(services);
        Assert.Equal(12, run.DigestItems);
        Assert.Empty(await SendQueueReader.DrainAsync(services));
        var planned = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Texts));
        Assert.Equal(AlertTextKinds.Digest, planned.GetString("Kind"));

        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 18, 0, 10, TimeSpan.Zero));
        await VacancyScenario.DispatchUpToNowAsync(services);
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services));

        var body = Assert.Single(await Outbox.AllAsync(services)).GetString("Body")!;
        Assert.StartsWith("12 jobs for you today:", body, StringComparison.Ordinal);
        Assert.Contains("more.", body, StringComparison.Ordinal);
        Assert.Contains("JOBS OFF", body, StringComparison.Ordinal);
        Assert.InRange(SmsText.Analyse(body).Fragments, 2, AlertText.MaxDigestFragments);
        Assert.Equal(1, await services.Get<AlertLedger>().WeekCountAsync(parent, "2026-W10", CancellationToken.None));

        // A match after the digest went out waits for tomorrow's digest.
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-13"));
        await VacancyScenario.PlanAsync(services);
        var tomorrow = (await VacancyScenario.AllAsync(services, TableNames.Texts)).Single(t => t.GetString("State") == TextStates.Scheduled);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 18, 0, 0, TimeSpan.Zero), tomorrow.GetDateTimeOffset("DueAt"));
    }
}
