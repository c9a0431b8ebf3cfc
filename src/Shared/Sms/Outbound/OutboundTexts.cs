using Microsoft.Extensions.Logging;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// How a capability sends a text that is not planned ahead (a WFI notice, an answer to a parent's text): it is written
/// to Texts first, under an id fixed by what caused it, so writing it again finds it there; then the one sender
/// handles it at once, as a queue message would. When it must wait, the sender has put a delayed message on its queue.
/// </summary>
public sealed class OutboundTexts(TextStore texts, TextSender sender, SendQueueWriter queue, ILogger<OutboundTexts> logger)
{
    /// <param name="text">The new text, with its id, kind, number, body and <see cref="TextEntity.RequestedAt"/> (what fixes its due minute).</param>
    public async Task<SendReport> SendNowAsync(TextEntity text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.RequestedAt ?? throw new ArgumentException("A text sent now needs the moment of the request that caused it.", nameof(text));
        text.PartitionKey = DueBuckets.For(at);

        // Its provider id carries its place (bucket and row key), like every other text's, so a delivery receipt or an
        // interrupted send's settling finds it with one point read. The bucket comes from the request that caused it,
        // so writing it again gives the same id.
        text.MessageId ??= text.Ref.MessageId;
        text.DueAt = at;
        text.State = TextStates.Scheduled;
        text.StateChangedAt = at;
        await texts.AddIfMissingAsync(text, ct);
        try
        {
            return await sender.SendAndReportAsync(text.Ref, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The outcome is unknown (the sender has ended its lease): the queue's retries settle it, exactly once.
            await queue.EnqueueAsync(text.Ref, ct, lane: text.Lane);
            logger.LogWarning(ex, "Text {TextId} could not be sent at once; left to the send queue", text.RowKey);
            return new SendReport(SendOutcome.CheckLater);
        }
    }
}
