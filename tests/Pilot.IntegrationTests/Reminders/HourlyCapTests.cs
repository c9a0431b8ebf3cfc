using Azure.Data.Tables;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Storage;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.IntegrationTests.Reminders;

/// <summary>
/// No more than Sms:MaxPerNumberPerHour texts to one number in one hour: the rest wait for the next hour,
/// none lost and none sent twice, and other numbers are not held back.
/// </summary>
public sealed class HourlyCapTests
{
    private const string Busy = "+447700900123";

    [Fact]
    public async Task Fifteen_texts_due_to_one_number_in_one_hour_send_ten_then_the_other_five_after_the_hour_turns()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = "10" });
        var busyParent = await Scenario.ParentAsync(services, mobile: "07700 900123");
        var otherParent = await Scenario.ParentAsync(services, mobile: "07700 900456", firstName: "Ben");
        for (var i = 0; i < 15; i++)
        {
            await Scenario.BookAsync(services, busyParent, PilotServices.Morning.AddDays(3 + i));
        }

        await Scenario.BookAsync(services, otherParent, PilotServices.Morning.AddDays(3));
        await Scenario.BookAsync(services, otherParent, PilotServices.Morning.AddDays(4));
        var sender = services.Get<ReminderSender>();

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

        var queue = await services.Get<StorageClients>().QueueAsync(services.SendQueue);
        var waitingMessages = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        services.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // 10:00:01, when the delayed messages come
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
        Assert.Equal(17, outbox.Select(e => e.PartitionKey).Distinct().Count());
        Assert.All(outbox.Where(e => held.Any(h => h.MessageId == e.PartitionKey)), e =>
            Assert.True(e.GetDateTimeOffset("AcceptedAt") >= PilotServices.Morning.AddHours(1), "a held text went inside the full hour"));
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
        var sender = services.Get<ReminderSender>();
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
    public async Task A_wfi_companion_text_over_the_cap_waits_for_the_next_hour_and_then_goes_once()
    {
        var settings = WfiScenario.Settings();
        settings["Sms:MaxPerNumberPerHour"] = "1";
        await using var services = await PilotServices.StartAsync(settings: settings);
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services)); // the confirmation takes the hour's one slot
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);
        var jobs = services.Get<WfiLetterJobs>();

        await jobs.ProcessAsync(job, CancellationToken.None);
        var companionThen = (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText;
        var outboxThen = (await Outbox.AllAsync(services)).Count;
        services.Time.Advance(TimeSpan.FromHours(1));
        await jobs.ProcessAsync(job, CancellationToken.None);
        await jobs.ProcessAsync(job, CancellationToken.None);

        Assert.Null(companionThen);
        Assert.Equal(1, outboxThen);
        Assert.Equal("sent", (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText);
        Assert.Single(await Outbox.AllAsync(services), t => t.PartitionKey == $"wfi-{invitation.Id}-letter");
    }

    [Fact]
    public async Task The_hourly_count_keeps_no_phone_number()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        Assert.Equal([SendOutcome.Sent], await SendQueueReader.DrainAsync(services));

        var table = await services.Get<StorageClients>().TableAsync(TableNames.NumberHourCounts);
        var row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());

        Assert.Equal("2026030309", row.RowKey);
        Assert.Equal(1, row.GetInt32("Count"));
        Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains("7700900123", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("7700900123", row.PartitionKey, StringComparison.Ordinal);
    }
}
