using Azure.Data.Tables;
using Pilot.Shared.Retention;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Retention;

public sealed class MessageRetentionTests
{
    [Fact]
    public async Task Bodies_numbers_and_replies_older_than_the_retention_period_go_and_the_figures_stay()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));
        await SendQueueReader.DrainAsync(services); // the confirmation, sent on day 0
        await services.Get<InboundTexts>().HandleAsync(new InboundText("+447700900123", "Can I bring my son?", "twilio", "SMold", services.Time.GetUtcNow()), CancellationToken.None);

        // A row left from counting by clock hour (RK yyyyMMddHH), before the rolling window.
        await (await services.Get<StorageClients>().TableAsync(TableNames.NumberHourCounts)).AddEntityAsync(
            new TableEntity(services.Get<NumberKeys>().KeyOf("+447700900123"), "2026030309") { ["MessageIds"] = "SMold-reply", ["Count"] = 1 });

        services.Time.Advance(TimeSpan.FromDays(6));
        await services.Get<InboundTexts>().HandleAsync(new InboundText("+447700900123", "See you Friday", "twilio", "SMnew", services.Time.GetUtcNow()), CancellationToken.None);
        var early = await services.Get<MessageRetention>().PurgeAsync(CancellationToken.None);
        var capRow = Assert.Single(await AllAsync(services, TableNames.NumberHourCounts)); // the clock-hour row, six days old, went
        Assert.Equal(HourlyTextCap.RowFor(capRow.PartitionKey), capRow.RowKey); // the number's row was last claimed under a day ago

        services.Time.Advance(TimeSpan.FromDays(1.5)); // the confirmation and first reply are now 7.5 days old, the second 1.5
        var due = await services.Get<MessageRetention>().PurgeAsync(CancellationToken.None);
        var again = await services.Get<MessageRetention>().PurgeAsync(CancellationToken.None);

        Assert.Equal((0, 0, 0), (early.TextsCleared, early.OutboxCleared, early.RepliesDeleted));
        // Two texts: the confirmation, and the answer to the first reply, which is a Texts row too now (every text is).
        Assert.Equal((2, 1), (due.TextsCleared, due.RepliesDeleted));
        Assert.True(due.OutboxCleared >= 1);
        Assert.Equal((0, 0, 0), (again.TextsCleared, again.OutboxCleared, again.RepliesDeleted));

        var texts = await AllAsync(services, TableNames.Texts);
        var confirmation = Assert.Single(texts, t => t.GetString("AppointmentId") == booked.Id && t.GetString("Kind") == "confirmation");
        Assert.False(confirmation.ContainsKey("Body"));
        Assert.False(confirmation.ContainsKey("To"));
        Assert.Equal("delivered", confirmation.GetString("State"));
        Assert.NotNull(confirmation.GetInt32("Fragments"));
        Assert.NotNull(confirmation.GetDateTimeOffset("SentAt"));

        var outbox = await AllAsync(services, TableNames.Outbox);
        Assert.Contains(outbox, o => o.RowKey.EndsWith(confirmation.RowKey, StringComparison.Ordinal));
        Assert.All(outbox.Where(o => o.GetDateTimeOffset("AcceptedAt") < due.Cutoff), o => Assert.False(o.ContainsKey("Body") || o.ContainsKey("To")));

        Assert.Empty(await AllAsync(services, TableNames.NumberHourCounts)); // the number's row, last claimed 1.5 days ago

        var replies = (await AllAsync(services, TableNames.InboundTexts)).Where(r => r.ContainsKey("Body")).ToList();
        Assert.Equal("See you Friday", Assert.Single(replies).GetString("Body"));
    }

    private static async Task<List<TableEntity>> AllAsync(PilotServices services, string table)
    {
        var client = await services.Get<StorageClients>().TableAsync(table);
        var all = new List<TableEntity>();
        await foreach (var entity in client.QueryAsync<TableEntity>())
        {
            all.Add(entity);
        }

        return all;
    }
}
