using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Reminders.Dispatch;

/// <summary>
/// The timer's work: read the due buckets since the cursor (one partition query per minute, only texts still to be
/// queued, whole), mark them queued in batches, then enqueue them (one send message for up to
/// <see cref="SendMessage.MaxTexts"/> texts, each carried as the mark left it, so the sender need not read it).
/// The cursor moves on only after every message of its minutes is sent. A tick that fails after a mark and before its
/// messages leaves its texts queued by it (<see cref="TextStore.QueuedByDispatch"/>); the next tick reads the minute
/// again and queues those again, so a crash can only repeat a message, never lose one; the sender's state machine
/// makes a repeated message harmless (see <see cref="TextSender"/>).
/// </summary>
public sealed class DueReminderDispatcher(
    TextStore texts,
    Cursors cursors,
    SendQueueWriter queue,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<DueReminderDispatcher> logger)
{
    /// <summary>On the very first tick (no cursor yet), how far back to look for anything already due.</summary>
    private static readonly TimeSpan FirstRunLookBack = TimeSpan.FromMinutes(60);

    /// <summary>Texts enqueued and then marked together (one entity-group transaction marks at most 100).</summary>
    private const int MarkBatch = 100;

    /// <summary>Queue messages sent at once while enqueueing a batch.</summary>
    private const int EnqueueConcurrency = 16;

    /// <summary>Batches of a minute enqueued and marked at once (each its own texts, so they never meet).</summary>
    private const int BatchConcurrency = 4;

    public async Task<DispatchTickResult> DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var upTo = DueBuckets.LastDueMinute(now);
        var (lastBucket, etag) = await cursors.ReadAsync(CursorName.ReminderDispatch, ct);
        DateTimeOffset? last = lastBucket is null ? null : DueBuckets.Parse(lastBucket);
        var from = last?.AddMinutes(1) ?? upTo - FirstRunLookBack;
        var maxMinutes = Math.Max(1, options.Value.MaxMinutesPerTick);
        if (upTo - from >= TimeSpan.FromMinutes(maxMinutes))
        {
            upTo = from.AddMinutes(maxMinutes - 1);
            logger.LogWarning("Reminder dispatch is catching up: reading {Minutes} minutes from {From:u} this tick", maxMinutes, from);
        }

        if (from > upTo)
        {
            return new DispatchTickResult(0, 0, 0, 0, last);
        }

        int minutes = 0, read = 0, enqueued = 0, marked = 0;
        for (var minute = from; minute <= upTo; minute = minute.AddMinutes(1))
        {
            var bucket = DueBuckets.Name(minute);
            var due = await texts.ToDispatchInBucketAsync(bucket, ct);
            minutes++;
            read += due.Count;

            // A minute's texts are marked queued a batch at a time, and each batch goes onto the queue straight after,
            // several messages at once: one at a time, a busy minute (thousands of texts) took the tick tens of seconds.
            // Batches go several at once too (each its own texts): the minute's last texts, its alerts, whose keys sort
            // last, reach the queue sooner (3-minute load runs: alerts p99 27.4 s, 28.4 s before). Every text read is
            // queued, marked or not: one left out of the mark (someone changed it meanwhile) goes without its row.
            await Parallel.ForEachAsync(
                due.Chunk(MarkBatch),
                new ParallelOptions { MaxDegreeOfParallelism = BatchConcurrency, CancellationToken = ct },
                async (batch, token) =>
                {
                    var scheduled = batch.Where(t => t.State == TextStates.Scheduled).ToList();
                    Interlocked.Add(ref marked, scheduled.Count == 0 ? 0 : await texts.MarkQueuedAsync(bucket, scheduled, now, token, TextStore.QueuedByDispatch));
                    await Parallel.ForEachAsync(
                        batch.Chunk(SendMessage.MaxTexts),
                        new ParallelOptions { MaxDegreeOfParallelism = EnqueueConcurrency, CancellationToken = token },
                        async (together, inner) => await queue.EnqueueCarryingAsync(bucket, together, inner));
                    Interlocked.Add(ref enqueued, batch.Length);
                });
        }

        await cursors.AdvanceAsync(CursorName.ReminderDispatch, DueBuckets.Name(upTo), etag, ct);
        if (enqueued > 0)
        {
            logger.LogInformation("Reminder dispatch queued {Enqueued} text(s) due up to {UpTo:u} ({Minutes} minute partition(s) read)", enqueued, upTo, minutes);
        }

        return new DispatchTickResult(minutes, read + 1, enqueued, marked, upTo);
    }
}
