using Azure.Data.Tables;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.IntegrationTests.Reminders;

/// <summary>
/// No more than Sms:MaxPerNumberPerHour texts to one number in any 60 minutes: the rest wait until a slot frees
/// (60 minutes after it was claimed), none lost and none sent twice, and other numbers are not held back.
/// </summary>
public sealed class HourlyCapTests
{
    private const string Busy = "+447700900123";

    [Fact]
    public async Task Fifteen_texts_due_to_one_number_at_once_send_ten_then_the_other_five_sixty_minutes_later()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = "10" });
        var busyParent = await Scenario.ParentAsync(services, mobile: "07700 900123");
        var otherParent = await Scenario.ParentAsync(services, mobile: "07700 900456", firstName: "Ben");
        for (var i = 0; i < 15; i++)
        {
            await Scenario.BookAsync(services, busyParent, AtCentre(3, i));
        }

        await Scenario.BookAsync(services, otherParent, AtCentre(3, 0));
        await Scenario.BookAsync(services, otherParent, AtCentre(3, 1));
        var sender = services.Get<TextSender>();

        var firstHour = new List<(TextRef Text, SendOutcome Outcome)>();
        foreach (var (_, text) in await SendQueueReader.ReceiveAllAsync(services))
        {
            firstHour.Add((text, await sender.SendAsync(text, CancellationToken.None)));
        }

        var held = firstHour.Where(s => s.Outcome == SendOutcome.HeldForHourlyCap).Select(s => s.Text).ToList();
        var outboxInFirstHour = await Outbox.AllAsync(services);
        var heldAgainWithinTheHour = new List<SendOutcome>();
        services.Time.Advance(TimeSpan.FromMinutes(59));
        foreach (var text in held)
        {
            heldAgainWithinTheHour.Add(await sender.SendAsync(text, CancellationToken.None));
        }

        var queue = await services.Get<StorageClients>().QueueAsync(services.InteractiveSendQueue);
        var waitingMessages = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        services.Time.Advance(TimeSpan.FromMinutes(1)); // 10:00:00, when the ten slots claimed at 09:00:00 free and the delayed messages come
        var nextHour = new List<SendOutcome>();
        foreach (var text in held)
        {
            nextHour.Add(await sender.SendAsync(text, CancellationToken.None));
        }

        var outbox = await Outbox.AllAsync(services);

        Assert.Equal(17, firstHour.Count);
        Assert.Equal(12, firstHour.Count(s => s.Outcome == SendOutcome.Sent));
        Assert.Equal(5, held.Count);
        Assert.Equal(10, outboxInFirstHour.Count(e => e.GetString("To") == Busy));
        Assert.Equal(2, outboxInFirstHour.Count(e => e.GetString("To") == "+447700900456"));
        Assert.All(heldAgainWithinTheHour, o => Assert.Equal(SendOutcome.HeldForHourlyCap, o));
        Assert.Equal(17 + 10, waitingMessages); // the 17 handed out (this reader never deletes) and a delayed message per hold
        Assert.All(nextHour, o => Assert.Equal(SendOutcome.Sent, o));
        Assert.Equal(15, outbox.Count(e => e.GetString("To") == Busy));
        Assert.Equal(17, outbox.Select(e => e.RowKey).Distinct().Count());
        Assert.All(outbox.Where(e => held.Any(h => h.MessageId == e.RowKey)), e =>
            Assert.True(e.GetDateTimeOffset("AcceptedAt") >= PilotServices.Morning.AddHours(1), "a held text went within 60 minutes of the first ten"));
    }

    [Fact]
    public async Task Replies_to_a_parents_own_texts_go_even_over_the_cap_and_count_so_a_queued_text_waits()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = "1" });
        var parent = await Scenario.ParentAsync(services);
        var inbound = services.Get<InboundTexts>();

        var stop = await inbound.HandleAsync(new InboundText(Busy, "STOP", "twilio", "SM-cap-1", services.Time.GetUtcNow()), CancellationToken.None);
        var start = await inbound.HandleAsync(new InboundText(Busy, "START", "twilio", "SM-cap-2", services.Time.GetUtcNow()), CancellationToken.None);
        var repliesSent = (await Outbox.AllAsync(services)).Count;
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        var thisHour = await sender.SendAsync(confirmation, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromHours(1));
        var nextHour = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(InboundOutcome.OptedOut, stop);
        Assert.Equal(InboundOutcome.OptedIn, start);
        Assert.Equal(2, repliesSent);
        Assert.Equal(SendOutcome.HeldForHourlyCap, thisHour);
        Assert.Equal(SendOutcome.Sent, nextHour);
        Assert.Equal(3, (await Outbox.AllAsync(services)).Count);
    }

    [Fact]
    public async Task A_wfi_companion_text_over_the_cap_waits_until_the_slot_frees_not_the_clock_hour_and_then_goes_once()
    {
        var settings = WfiScenario.Settings();
        settings["Sms:MaxPerNumberPerHour"] = "1";
        await using var services = await PilotServices.StartAsync(settings: settings);
        var parent = await Scenario.ParentAsync(services);
        services.Time.Advance(TimeSpan.FromMinutes(30));
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services)); // the confirmation takes the one slot at 09:30, until 10:30
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);
        var jobs = services.Get<WfiLetterJobs>();

        services.Time.SetUtcNow(PilotServices.Morning.AddMinutes(65)); // 10:05, a new clock hour
        await jobs.ProcessAsync(job, CancellationToken.None);
        var companionThen = (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText;
        services.Time.SetUtcNow(PilotServices.Morning.AddMinutes(90).AddSeconds(-1)); // 10:29:59
        await jobs.ProcessAsync(job, CancellationToken.None);
        var companionAt1029 = (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText;
        var outboxThen = (await Outbox.AllAsync(services)).Count;
        services.Time.Advance(TimeSpan.FromSeconds(1)); // 10:30, when the job's delayed message comes back
        await jobs.ProcessAsync(job, CancellationToken.None);
        await jobs.ProcessAsync(job, CancellationToken.None);

        Assert.Null(companionThen);
        Assert.Null(companionAt1029);
        Assert.Equal(1, outboxThen);
        Assert.Equal("sent", (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText);
        Assert.Single(await Outbox.AllAsync(services), t => t.RowKey.EndsWith($"-wfi-{invitation.Id}-letter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ten_texts_from_0950_hold_texts_due_at_1005_until_1050_then_each_goes_once_as_a_slot_frees()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = "10" });
        var parent = await Scenario.ParentAsync(services, mobile: "07700 900123");
        var sender = services.Get<TextSender>();
        services.Time.Advance(TimeSpan.FromMinutes(50));
        var firstTen = new List<SendOutcome>();
        for (var i = 0; i < 10; i++)
        {
            // 09:50:00, 09:50:30, ... 09:54:30: the slots free one by one from 10:50:00.
            await Scenario.BookAsync(services, parent, AtCentre(3, i));
            firstTen.AddRange(await SendQueueReader.DrainAsync(services));
            services.Time.Advance(TimeSpan.FromSeconds(30));
        }

        services.Time.SetUtcNow(PilotServices.Morning.AddMinutes(65)); // 10:05, a new clock hour
        var held = new List<TextRef>();
        for (var i = 0; i < 5; i++)
        {
            await Scenario.BookAsync(services, parent, AtCentre(20, i));
            foreach (var (_, text) in await SendQueueReader.ReceiveAllAsync(services))
            {
                Assert.Equal(SendOutcome.HeldForHourlyCap, await sender.SendAsync(text, CancellationToken.None));
                held.Add(text);
            }
        }

        var probe = await services.Get<HourlyTextCap>().TryClaimAsync(Busy, "probe", services.Time.GetUtcNow(), CancellationToken.None);
        services.Time.SetUtcNow(PilotServices.Morning.AddMinutes(110).AddSeconds(-1)); // 10:49:59
        var justBefore = new List<SendOutcome>();
        foreach (var text in held)
        {
            justBefore.Add(await sender.SendAsync(text, CancellationToken.None));
        }

        // From 10:50 the delayed messages come back every 30 seconds, as each held text was told, until all have gone.
        var sentAt = new Dictionary<string, DateTimeOffset>();
        var outcomes = new List<SendOutcome>();
        services.Time.SetUtcNow(PilotServices.Morning.AddMinutes(110));
        for (var step = 0; step < 8; step++)
        {
            foreach (var text in held)
            {
                var outcome = await sender.SendAsync(text, CancellationToken.None);
                outcomes.Add(outcome);
                if (outcome == SendOutcome.Sent)
                {
                    Assert.True(sentAt.TryAdd(text.MessageId, services.Time.GetUtcNow()), $"{text.MessageId} was sent twice");
                }
            }

            services.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var toBusy = (await Outbox.AllAsync(services)).Where(e => e.GetString("To") == Busy).ToList();
        var accepted = toBusy.Select(e => e.GetDateTimeOffset("AcceptedAt")!.Value).ToList();
        var fullestSixtyMinutes = accepted.Max(start => accepted.Count(a => a >= start && a < start + TimeSpan.FromMinutes(60)));

        Assert.Equal(Enumerable.Repeat(SendOutcome.Sent, 10), firstTen);
        Assert.Equal(5, held.Count);
        Assert.Equal(PilotServices.Morning.AddMinutes(110), probe.FullUntil); // 09:50 + 60 minutes, not 11:00
        Assert.All(justBefore, o => Assert.Equal(SendOutcome.HeldForHourlyCap, o));
        Assert.Equal(
            [.. Enumerable.Range(0, 5).Select(i => PilotServices.Morning.AddMinutes(110).AddSeconds(30 * i))],
            sentAt.Values.Order());
        Assert.Equal(4 + 3 + 2 + 1, outcomes.Count(o => o == SendOutcome.HeldForHourlyCap)); // the rest wait for the next slot
        Assert.Equal(5 * 8 - 5 - 10, outcomes.Count(o => o == SendOutcome.AlreadyDone));
        Assert.Equal(15, toBusy.Count);
        Assert.Equal(15, toBusy.Select(e => e.RowKey).Distinct().Count());
        Assert.Equal(10, fullestSixtyMinutes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task A_cap_outside_1_to_100_is_refused_naming_the_setting(string cap)
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = cap });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.Get<Microsoft.Extensions.Options.IOptions<Pilot.Shared.Sms.SmsOptions>>().Value);

        Assert.Contains("Sms:MaxPerNumberPerHour", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hourly_count_keeps_no_phone_number_only_its_key_under_the_secret()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        Assert.Equal(SendOutcome.Sent, await services.Get<TextSender>().SendAsync(confirmation, CancellationToken.None));

        var table = await services.Get<StorageClients>().TableAsync(TableNames.NumberHourCounts);
        var row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());

        Assert.Equal(services.Get<NumberKeys>().KeyOf(Busy), row.PartitionKey);
        Assert.NotEqual(TableKeys.Sha256Hex(Busy), row.PartitionKey); // keyed with the secret: not reversible by hashing every mobile
        Assert.Equal(HourlyTextCap.RowFor(row.PartitionKey), row.RowKey);
        Assert.Equal($"2026-03-03T09:00:00.0000000+00:00 {confirmation.MessageId}", row.GetString("Slots"));
        Assert.Equal(1, row.GetInt32("Count"));
        Assert.Equal(PilotServices.Morning, row.GetDateTimeOffset("LastClaimAt"));
        Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains("7700900123", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_numbers_row_is_remembered_as_this_process_last_wrote_it_and_a_claim_against_a_row_changed_since_reads_it_again()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = "2" });
        var cap = services.Get<HourlyTextCap>();
        var now = PilotServices.Morning;
        Assert.True((await cap.TryClaimAsync(Busy, "m1", now, CancellationToken.None)).IsTaken);
        var table = await services.Get<StorageClients>().TableAsync(TableNames.NumberHourCounts);
        var key = services.Get<NumberKeys>().KeyOf(Busy);

        // Retention deleted the row behind this process's back: the read comes from memory, the claim finds the row gone.
        await table.DeleteEntityAsync(key, HourlyTextCap.RowFor(key));
        var remembered = await cap.ReadAsync(Busy, CancellationToken.None);
        Assert.True(remembered.Hour.Holds("m1", now));
        Assert.True((await cap.TryClaimAsync(Busy, "m2", now, CancellationToken.None)).IsTaken);
        var stored = (await table.GetEntityAsync<TableEntity>(key, HourlyTextCap.RowFor(key))).Value;
        Assert.Equal(1, stored.GetInt32("Count")); // written anew, with m2 only

        // Another worker filled the number's hour since: this process's claim fails on the ETag, reads, and is held.
        stored["Slots"] = NumberHour.Empty.Claim("other-1", now).Claim("other-2", now).Write();
        await table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);
        Assert.Single((await cap.ReadAsync(Busy, CancellationToken.None)).Hour.CountingAt(now)); // still as remembered
        var claim = await cap.TryClaimAsync(Busy, "m3", now.AddMinutes(1), CancellationToken.None);

        Assert.False(claim.IsTaken);
        Assert.Equal(2, (await cap.ReadAsync(Busy, CancellationToken.None)).Hour.CountingAt(now).Count); // remembered as read
        Assert.DoesNotContain("m3", (await table.GetEntityAsync<TableEntity>(key, HourlyTextCap.RowFor(key))).Value.GetString("Slots"), StringComparison.Ordinal);
    }

    /// <summary>The n-th of several appointments <paramref name="days"/> after the morning, a quarter of an hour apart (inside the centre's weekday hours).</summary>
    private static DateTimeOffset AtCentre(int days, int n) => PilotServices.Morning.AddDays(days).AddMinutes(15 * n);
}
