using Azure.Data.Tables;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Sms;

/// <summary>
/// A receipt for a text this process has just written moves it on from the row as written (<see cref="TextStore.LastWritten"/>),
/// with one ETag-checked write and no read; anything the remembered row cannot settle is settled from the stored row.
/// </summary>
public sealed class RememberedTextTests
{
    [Theory]
    [InlineData(TextLanes.Interactive)]
    [InlineData(null)]
    public async Task A_receipt_for_a_text_just_written_costs_one_write_and_no_read(string? lane)
    {
        await using var services = await PilotServices.StartAsync();
        var text = await SentAsync(services, lane, "m1");
        var counter = services.Get<StorageRequestCounter>();

        var before = counter.Snapshot();
        var outcome = await services.Get<DeliveryReceipts>().ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Delivered, "twilio", "m1", "delivery-1", CancellationToken.None);

        Assert.Equal(ReceiptOutcome.Applied, outcome);
        Assert.Equal(1, counter.Snapshot().Since(before).Tables);
        var stored = await StoredAsync(services, text);
        Assert.Equal(TextStates.Delivered, stored.State);
        Assert.True(stored.HasReceipt("delivery-1"));
    }

    [Fact]
    public async Task A_text_changed_elsewhere_since_this_process_wrote_it_is_read_again_and_keeps_that_change()
    {
        await using var services = await PilotServices.StartAsync();
        var text = await SentAsync(services, lane: null, "m1");
        // Another instance takes a receipt for it meanwhile: the row this process remembers is now out of date.
        var elsewhere = await StoredAsync(services, text);
        elsewhere.RememberReceipt("delivery-elsewhere");
        await (await services.Get<StorageClients>().TableAsync(TableNames.Texts)).UpdateEntityAsync(elsewhere, elsewhere.ETag, TableUpdateMode.Replace);

        var outcome = await services.Get<DeliveryReceipts>().ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Delivered, "twilio", "m1", "delivery-2", CancellationToken.None);

        Assert.Equal(ReceiptOutcome.Applied, outcome);
        var stored = await StoredAsync(services, text);
        Assert.Equal(TextStates.Delivered, stored.State);
        Assert.True(stored.HasReceipt("delivery-elsewhere"));
        Assert.True(stored.HasReceipt("delivery-2"));
    }

    [Fact]
    public async Task A_repeated_delivery_is_still_a_replay_and_a_second_message_id_is_still_flagged()
    {
        await using var services = await PilotServices.StartAsync();
        var text = await SentAsync(services, lane: null, "m1");
        var receipts = services.Get<DeliveryReceipts>();

        var first = await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Sent, "twilio", "m1", "delivery-1", CancellationToken.None);
        var repeat = await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Sent, "twilio", "m1", "delivery-1", CancellationToken.None);
        await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Delivered, "twilio", "m2", "delivery-2", CancellationToken.None);

        Assert.Equal(ReceiptOutcome.Applied, first);
        Assert.Equal(ReceiptOutcome.Replayed, repeat);
        Assert.True((await StoredAsync(services, text)).DuplicateSuspected);
    }

    [Fact]
    public async Task A_receipt_for_a_status_the_text_has_reached_is_remembered_with_one_write_and_no_read_and_its_replay_refused()
    {
        await using var services = await PilotServices.StartAsync();
        var text = await SentAsync(services, lane: null, "m1");
        var receipts = services.Get<DeliveryReceipts>();
        Assert.Equal(ReceiptOutcome.Applied, await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Sent, "twilio", "m1", "api-answer", CancellationToken.None));
        var counter = services.Get<StorageRequestCounter>();

        // Twilio's "sent" callback for a text already sent by the API's answer: nothing moves, the delivery is remembered.
        var before = counter.Snapshot();
        var outcome = await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Sent, "twilio", "m1", "callback-sent", CancellationToken.None);

        Assert.Equal(ReceiptOutcome.Unchanged, outcome);
        Assert.Equal(1, counter.Snapshot().Since(before).Tables);
        var stored = await StoredAsync(services, text);
        Assert.Equal(TextStates.Sent, stored.State);
        Assert.True(stored.HasReceipt("callback-sent"));
        Assert.Equal(ReceiptOutcome.Replayed, await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Sent, "twilio", "m1", "callback-sent", CancellationToken.None));
        Assert.Equal(ReceiptOutcome.Applied, await receipts.ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Delivered, "twilio", "m1", "callback-delivered", CancellationToken.None));
        Assert.Equal(TextStates.Delivered, (await StoredAsync(services, text)).State);
    }

    [Fact]
    public async Task A_text_that_reached_a_final_state_is_forgotten()
    {
        await using var services = await PilotServices.StartAsync();
        var text = await SentAsync(services, lane: null, "m1");
        var store = services.Get<TextStore>();
        Assert.NotNull(store.LastWritten(new TextRef(text.PartitionKey, text.RowKey)));

        await services.Get<DeliveryReceipts>().ApplyOnceAsync(text.ProviderId, SmsDeliveryStatus.Delivered, "twilio", "m1", "delivery-1", CancellationToken.None);

        Assert.Null(store.LastWritten(new TextRef(text.PartitionKey, text.RowKey)));
    }

    /// <summary>A text added, then written as sending and accepted by the provider under <paramref name="providerMessageId"/>, through the store.</summary>
    private static async Task<TextEntity> SentAsync(PilotServices services, string? lane, string providerMessageId)
    {
        var store = services.Get<TextStore>();
        var text = new TextEntity
        {
            PartitionKey = "202603030900",
            RowKey = $"appt{Guid.NewGuid():N}-v1-confirmation",
            ParentId = "parent01",
            Kind = "confirmation",
            DueAt = PilotServices.Morning,
            StateChangedAt = PilotServices.Morning,
            Lane = lane,
            State = TextStates.Sending,
            Provider = "twilio",
            ProviderMessageId = providerMessageId,
        };
        await store.AddAsync(text, CancellationToken.None);
        Assert.True(await store.TryReplaceAsync(text, CancellationToken.None));
        return text;
    }

    private static async Task<TextEntity> StoredAsync(PilotServices services, TextEntity text)
        => (await services.Get<TextStore>().GetAsync(new TextRef(text.PartitionKey, text.RowKey), CancellationToken.None))!;
}
