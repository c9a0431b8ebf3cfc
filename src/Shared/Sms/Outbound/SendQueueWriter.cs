using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The send queues, one per lane (<see cref="TextLanes"/>): a message names where its text is stored; the dispatch tick's
/// messages name up to <see cref="SendMessage.MaxTexts"/> texts of one due minute (<see cref="EnqueueTogetherAsync"/>).
/// </summary>
public sealed class SendQueueWriter(StorageClients storage, IOptions<ReminderOptions> options)
{
    /// <summary>The longest message carrying rows (characters of JSON; base64 makes it a third longer, under the queue's 64 KB).</summary>
    public const int MostCarried = 32_000;

    public async Task EnqueueAsync(TextRef text, CancellationToken ct, TimeSpan? delay = null, string? lane = null)
    {
        var queue = await storage.QueueAsync(lane == TextLanes.Interactive ? options.Value.InteractiveSendQueue : options.Value.SendQueue, ct);
        await queue.SendMessageAsync(JsonSerializer.Serialize(text, JsonDefaults.Web), delay, cancellationToken: ct);
    }

    /// <summary>Several texts of one due minute in one message on the bulk queue, sent together by the send function.</summary>
    public async Task EnqueueTogetherAsync(string bucket, IReadOnlyList<string> textIds, CancellationToken ct)
    {
        var queue = await storage.QueueAsync(options.Value.SendQueue, ct);
        await queue.SendMessageAsync(JsonSerializer.Serialize(SendMessage.For(bucket, textIds), JsonDefaults.Web), cancellationToken: ct);
    }

    /// <summary>
    /// As <see cref="EnqueueTogetherAsync(string, IReadOnlyList{string}, CancellationToken)"/>, each text carried as last
    /// written (those with a known ETag, waiting to be sent), so the sender decides without reading it again.
    /// </summary>
    public async Task EnqueueCarryingAsync(string bucket, IReadOnlyList<TextEntity> texts, CancellationToken ct)
    {
        var queue = await storage.QueueAsync(options.Value.SendQueue, ct);
        await queue.SendMessageAsync(CarryingBody(bucket, texts), cancellationToken: ct);
    }

    /// <summary>
    /// The JSON of a message carrying <paramref name="texts"/>; when their rows would make it longer than
    /// <see cref="MostCarried"/> characters (many vacancies on each alert would take it near the queue's 64 KB), the
    /// message names them only, and the sender reads each.
    /// </summary>
    public static string CarryingBody(string bucket, IReadOnlyList<TextEntity> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var message = JsonSerializer.Serialize(SendMessage.Carrying(bucket, texts), JsonDefaults.Web);
        return message.Length <= MostCarried ? message : JsonSerializer.Serialize(SendMessage.For(bucket, [.. texts.Select(t => t.RowKey)]), JsonDefaults.Web);
    }

    /// <summary>
    /// Texts due already (a confirmation) go straight to the queue rather than waiting up to a
    /// minute for the tick; the booking then marks them queued so the tick does not queue them again.
    /// </summary>
    public async Task EnqueueDueNowAsync(IEnumerable<TextEntity> texts, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var text in texts.Where(t => t.DueAt <= now))
        {
            await EnqueueAsync(text.Ref, ct, lane: text.Lane);
        }
    }
}
