using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Sms;

/// <summary>
/// <see cref="TextStore"/> on real Azurite: a text a person is waiting for is written alone, at once; the scheduled lane's
/// texts of one due minute that meet go together (<see cref="GroupedWrites"/>).
/// </summary>
public sealed class TextStoreLaneTests
{
    private const int Count = 30;

    [Fact]
    public async Task Replaces_of_interactive_texts_asked_at_once_each_go_in_a_request_of_their_own()
    {
        await using var services = await PilotServices.StartAsync();
        var texts = await TextsAsync(services, TextLanes.Interactive);

        var (answers, requests) = await ReplaceAllAsync(services, texts);

        Assert.All(answers, Assert.True);
        Assert.Equal(Count, requests);
        await AssertStoredAsync(services, texts);
    }

    [Fact]
    public async Task Replaces_of_scheduled_texts_of_one_minute_asked_at_once_go_together()
    {
        await using var services = await PilotServices.StartAsync();
        var texts = await TextsAsync(services, lane: null);

        var (answers, requests) = await ReplaceAllAsync(services, texts);

        Assert.All(answers, Assert.True);
        // The first alone, the rest together once it is done: 2 when all are asked before the first is answered, a few
        // more on a busy machine (GroupedWritesTests counts them exactly); one a text would be 30.
        Assert.True(requests <= Count / 3, $"{requests} table requests for {Count} replaces");
        await AssertStoredAsync(services, texts);
    }

    private static async Task<List<TextEntity>> TextsAsync(PilotServices services, string? lane)
    {
        var store = services.Get<TextStore>();
        var texts = new List<TextEntity>();
        for (var i = 0; i < Count; i++)
        {
            var text = new TextEntity
            {
                PartitionKey = "202603030900",
                RowKey = $"appt{i:D2}-v1-confirmation",
                ParentId = $"parent{i:D2}",
                Kind = "confirmation",
                DueAt = PilotServices.Morning,
                StateChangedAt = PilotServices.Morning,
                Lane = lane,
            };
            await store.AddAsync(text, CancellationToken.None);
            texts.Add(text);
        }

        return texts;
    }

    private static async Task<(bool[] Answers, long Requests)> ReplaceAllAsync(PilotServices services, List<TextEntity> texts)
    {
        var store = services.Get<TextStore>();
        var counter = services.Get<StorageRequestCounter>();
        foreach (var text in texts)
        {
            text.State = TextStates.Queued;
        }

        var before = counter.Snapshot();
        var answers = await Task.WhenAll(texts.Select(text => store.TryReplaceAsync(text, CancellationToken.None)));
        return (answers, counter.Snapshot().Since(before).Tables);
    }

    private static async Task AssertStoredAsync(PilotServices services, List<TextEntity> texts)
    {
        var store = services.Get<TextStore>();
        foreach (var text in texts)
        {
            var stored = await store.GetAsync(new TextRef(text.PartitionKey, text.RowKey), CancellationToken.None);
            Assert.Equal(TextStates.Queued, stored!.State);
            Assert.Equal(stored.ETag, text.ETag); // the new ETag is on the entity, for its next write
        }
    }
}
