using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The Texts table. Every state change is an ETag-checked replace; replaces of one due minute's texts that meet are
/// written in one transaction (<see cref="GroupedWrites"/>).
/// <para>
/// Each text this process has written as tried and not yet final (sending or sent) is remembered as written, with its
/// ETag (<see cref="LastWritten"/>): its receipts come in moments after the send, to this process, and move it on from
/// there without reading it first. A remembered row can be out of date, never wrong where it counts: a write against
/// it fails (412) if anyone changed the row since, and the caller then reads it.
/// </para>
/// </summary>
public sealed class TextStore(StorageClients storage)
{
    private const int MaxBatch = 100;

    /// <summary>Rows remembered at most (a text's row is about a kilobyte); past it, the memory starts again empty.</summary>
    private const int MostRowsRemembered = 10_000;

    private readonly ConcurrentDictionary<(string Bucket, string TextId), TextEntity> _lastWritten = new();

    private readonly GroupedWrites _replaces = new(ct => storage.TableAsync(TableNames.Texts, ct));

    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.Texts, ct);

    /// <summary>Adds the text and keeps the ETag it was stored with, so it can be moved on from there.</summary>
    public async Task AddAsync(TextEntity text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var response = await (await Table(ct)).AddEntityAsync(text, ct);
        text.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Adds the text unless one with the same keys is already there (a repeated move).</summary>
    public async Task AddIfMissingAsync(TextEntity text, CancellationToken ct)
    {
        // False when an earlier attempt of the same move added it.
        _ = await (await Table(ct)).TryAddAsync(text, ct);
    }

    public async Task<TextEntity?> GetAsync(TextRef reference, CancellationToken ct)
    {
        var found = await (await Table(ct)).GetEntityIfExistsAsync<TextEntity>(reference.Bucket, reference.TextId, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Replaces the text if nobody changed it since it was read; false when someone did. A text a person is waiting for
    /// (<see cref="TextLanes.Interactive"/>) is written alone, at once: grouped, it waited for the transaction of its
    /// minute being written and went in the next, so under the minute's burst the confirmations moved in steps of one
    /// transaction (16 a second in the load run of 15:28 UTC, 5 December 2026, while 20 a second were booked).
    /// </summary>
    public async Task<bool> TryReplaceAsync(TextEntity text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var written = text.Lane == TextLanes.Interactive
            ? await (await Table(ct)).TryReplaceAsync(text, ct)
            : await _replaces.TryReplaceAsync(text, ct);
        if (written)
        {
            Remember(text);
        }
        else
        {
            _lastWritten.TryRemove((text.PartitionKey, text.RowKey), out _);
        }

        return written;
    }

    /// <summary>
    /// A copy of the text as this process last wrote it (with the ETag it was written with), or null when it has none
    /// in memory. Act on it only through an ETag-checked write: anything concluded from it without one could be out of date.
    /// </summary>
    public TextEntity? LastWritten(TextRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _lastWritten.TryGetValue((reference.Bucket, reference.TextId), out var row) ? row.Copy() : null;
    }

    private void Remember(TextEntity text)
    {
        var key = (text.PartitionKey, text.RowKey);
        if (TextStates.IsPending(text.State) || TextStates.IsFinal(text.State) || text.ETag == default)
        {
            // Only a text tried and not yet final gets receipts; a row written without an ETag answered cannot be written against.
            _lastWritten.TryRemove(key, out _);
            return;
        }

        if (_lastWritten.Count >= MostRowsRemembered)
        {
            _lastWritten.Clear();
        }

        _lastWritten[key] = text.Copy();
    }

    public async Task DeleteAsync(TextEntity text, CancellationToken ct)
    {
        _lastWritten.TryRemove((text.PartitionKey, text.RowKey), out _);
        try
        {
            await (await Table(ct)).DeleteEntityAsync(text.PartitionKey, text.RowKey, text.ETag, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
    }

    /// <summary>
    /// The texts of one due bucket the dispatch tick is to queue, whole, with their ETags: those still scheduled, and
    /// those a tick marked queued (<see cref="QueuedByDispatch"/>). A tick reads a minute once, unless it failed before
    /// its cursor moved on; then the next reads the minute again and queues those again too, since the failed tick may
    /// have marked them and stopped before their message was sent (a second message for a text finds it done).
    /// </summary>
    public async Task<IReadOnlyList<TextEntity>> ToDispatchInBucketAsync(string bucket, CancellationToken ct)
    {
        var table = await Table(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bucket} and (State eq {TextStates.Scheduled} or (State eq {TextStates.Queued} and QueuedBy eq {QueuedByDispatch}))");
        var found = new List<TextEntity>();
        await foreach (var entity in table.QueryAsync<TextEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            found.Add(entity);
        }

        return found;
    }

    /// <summary><see cref="TextEntity.QueuedBy"/> of a text the dispatch tick marked queued.</summary>
    public const string QueuedByDispatch = "dispatch";

    /// <summary>
    /// Marks texts of one bucket queued in entity-group transactions of up to 100, each ETag-checked.
    /// A text someone else moved on (a sender already has it, or it was cancelled) is left out and the
    /// rest of its batch retried. Returns how many were marked. Each <see cref="TextEntity"/> marked is updated to match
    /// its row (state, <paramref name="queuedBy"/> and the new ETag, so it can be written against or carried in a send
    /// message); one left out has its ETag cleared, as it is no longer known.
    /// </summary>
    /// <remarks>
    /// A failed transaction names only the first text that moved on, so after a failure the batch's key range is read
    /// again (one query, those still scheduled) and the texts no longer scheduled are dropped together: one query and
    /// one transaction per round, instead of one transaction per text that moved on.
    /// </remarks>
    public async Task<int> MarkQueuedAsync(string bucket, IReadOnlyList<ITableEntity> texts, DateTimeOffset now, CancellationToken ct, string? queuedBy = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var table = await Table(ct);
        var marked = 0;
        foreach (var chunk in texts.Chunk(MaxBatch))
        {
            var pending = chunk.ToList();
            while (pending.Count > 0)
            {
                var actions = pending.Select(t => new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge,
                    new TableEntity(bucket, t.RowKey) { ["State"] = TextStates.Queued, ["StateChangedAt"] = now, ["QueuedBy"] = queuedBy },
                    t.ETag)).ToList();
                try
                {
                    var answers = (await table.SubmitTransactionAsync(actions, ct)).Value;
                    for (var i = 0; i < pending.Count; i++)
                    {
                        if (pending[i] is TextEntity text)
                        {
                            if (TextStates.CanMove(text.State, TextStates.Queued))
                            {
                                text.MarkQueued(now);
                            }

                            text.QueuedBy = queuedBy;
                            text.ETag = i < answers.Count ? answers[i].Headers.ETag ?? default : default;
                        }
                    }

                    marked += pending.Count;
                    break;
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404 && ex.FailedTransactionActionIndex is int index && index < pending.Count)
                {
                    LeftOut(pending[index]);
                    pending.RemoveAt(index);
                    var stillScheduled = await ScheduledBetweenAsync(table, bucket, pending, ct);
                    var kept = new List<ITableEntity>(pending.Count);
                    foreach (var text in pending)
                    {
                        if (stillScheduled.Contains(text.RowKey))
                        {
                            kept.Add(text);
                        }
                        else
                        {
                            LeftOut(text);
                        }
                    }

                    pending = kept;
                }
            }
        }

        return marked;

        static void LeftOut(ITableEntity text) => text.ETag = default;
    }

    /// <summary>Which of these texts (one bucket) are still scheduled: one query over their key range.</summary>
    private static async Task<HashSet<string>> ScheduledBetweenAsync(TableClient table, string bucket, List<ITableEntity> texts, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (texts.Count == 0)
        {
            return found;
        }

        var keys = texts.Select(t => t.RowKey).Order(StringComparer.Ordinal).ToList();
        var (first, last) = (keys[0], keys[^1]);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bucket} and RowKey ge {first} and RowKey le {last} and State eq {TextStates.Scheduled}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: ct))
        {
            found.Add(entity.RowKey);
        }

        return found;
    }
}
