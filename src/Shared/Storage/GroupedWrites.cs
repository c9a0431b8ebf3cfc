using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Storage;

/// <summary>
/// Writes of one table's rows (ETag-checked replaces, and adds of rows that must not be there yet), written together
/// when they meet: a write asked for while another of the same partition is being written waits for it, and those
/// waiting then go in one entity-group transaction (at most <see cref="MostInOneTransaction"/>, each row once). A write
/// asked for when nothing of its partition is being written goes at once, alone, so it waits for nobody. Each keeps its
/// own answer: a replace whose row changed since it was read (412) or is gone (404), or an add whose row is already
/// there (409), answers false, as <see cref="TableClientExtensions.TryReplaceAsync"/> and
/// <see cref="TableClientExtensions.TryAddAsync"/> do, and the transaction is tried again without it; after any other
/// failure of a transaction its writes go again one a request, each answered or failed as it would have been alone. A
/// transaction is all or nothing, so a write never lands half-done with others.
/// </summary>
/// <remarks>
/// Why: the sends of one due minute are rows of one partition, and each takes two replaces (sending, then the
/// provider's answer) and two more when its receipts come in; the embedded outbox adds one row a send. Written one a
/// request, those were the largest share of the table service's requests; in a transaction, the emulator serves a
/// write for a fraction of a request.
/// </remarks>
public sealed class GroupedWrites(Func<CancellationToken, Task<TableClient>> table)
{
    /// <summary>An entity-group transaction holds at most 100 operations.</summary>
    public const int MostInOneTransaction = 100;

    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    /// <summary>True when the row was replaced (and its new ETag is on it); false when it changed since it was read, or is gone.</summary>
    public Task<bool> TryReplaceAsync(ITableEntity entity, CancellationToken ct) => WriteAsync(new Write(entity, isAdd: false), ct);

    /// <summary>True when the row was added (and its ETag is on it); false when a row with its keys is already there.</summary>
    public Task<bool> TryAddAsync(ITableEntity entity, CancellationToken ct) => WriteAsync(new Write(entity, isAdd: true), ct);

    private async Task<bool> WriteAsync(Write write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write.Entity);
        var partition = _partitions.GetOrAdd(write.Entity.PartitionKey, key => new Partition(key));
        bool leads;
        lock (partition)
        {
            partition.Waiting.Add(write);
            leads = !partition.Writing;
            partition.Writing = true;
        }

        if (leads)
        {
            // The caller that found nothing being written writes until nothing waits. Not with the caller's token: a
            // transaction carries other callers' writes too (a caller that stops waiting gets its cancellation).
            _ = WriteWhileWaitingAsync(partition);
        }

        return await write.Done.Task.WaitAsync(ct);
    }

    private async Task WriteWhileWaitingAsync(Partition partition)
    {
        while (true)
        {
            List<Write> group;
            lock (partition)
            {
                if (partition.Waiting.Count == 0)
                {
                    partition.Writing = false;
                    _partitions.TryRemove(new KeyValuePair<string, Partition>(partition.Key, partition));
                    return;
                }

                group = TakeGroup(partition.Waiting);
            }

            try
            {
                await WriteAsync(group);
            }
            catch (Exception ex)
            {
                foreach (var write in group)
                {
                    write.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>The first waiting writes, each row once (a second write of a row waits for the next transaction).</summary>
    private static List<Write> TakeGroup(List<Write> waiting)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var group = new List<Write>();
        foreach (var write in waiting)
        {
            if (group.Count == MostInOneTransaction)
            {
                break;
            }

            if (rows.Add(write.Entity.RowKey))
            {
                group.Add(write);
            }
        }

        foreach (var taken in group)
        {
            waiting.Remove(taken);
        }

        return group;
    }

    private async Task WriteAsync(List<Write> group)
    {
        var client = await table(CancellationToken.None);
        while (group.Count > 1)
        {
            try
            {
                var answers = await client.SubmitTransactionAsync(group.Select(write => write.Action()), CancellationToken.None);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Entity.ETag = answers.Value[i].Headers.ETag ?? group[i].Entity.ETag;
                    group[i].Done.TrySetResult(true);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is int index && index < group.Count && group[index].IsRefusedBy(ex.Status))
            {
                // Nothing of the transaction was written: that one's row changed, went or was there; the rest go again without it.
                group[index].Done.TrySetResult(false);
                group.RemoveAt(index);
            }
            catch (RequestFailedException)
            {
                // Any other failure (one bad row, a fault on the way, an answer lost after the storage applied it): each
                // goes again alone, so each gets the answer it would have had alone and no row fails for another's sake.
                break;
            }
        }

        await Task.WhenAll(group.Select(WriteAloneAsync));

        async Task WriteAloneAsync(Write write)
        {
            try
            {
                write.Done.TrySetResult(write.IsAdd
                    ? await client.TryAddAsync(write.Entity, CancellationToken.None)
                    : await client.TryReplaceAsync(write.Entity, CancellationToken.None));
            }
            catch (Exception ex)
            {
                write.Done.TrySetException(ex);
            }
        }
    }

    private sealed class Partition(string key)
    {
        public string Key { get; } = key;

        public List<Write> Waiting { get; } = [];

        public bool Writing { get; set; }
    }

    /// <summary>One caller's write; a class, not a record: a waiting write is found and removed by its identity.</summary>
    private sealed class Write(ITableEntity entity, bool isAdd)
    {
        public ITableEntity Entity { get; } = entity;

        public bool IsAdd { get; } = isAdd;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TableTransactionAction Action() => IsAdd
            ? new TableTransactionAction(TableTransactionActionType.Add, Entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity, Entity.ETag);

        /// <summary>The answers that mean "not written, as asked": the row changed or went (a replace), or is there (an add).</summary>
        public bool IsRefusedBy(int status) => IsAdd ? status == 409 : status is 412 or 404;
    }
}
