using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Storage;

/// <summary>
/// ETag-checked replaces of one table's rows, written together when they meet: a replace asked for while another of the
/// same partition is being written waits for it, and those waiting then go in one entity-group transaction (at most
/// <see cref="MostInOneTransaction"/>, each row once). A replace asked for when nothing of its partition is being
/// written goes at once, alone, so it waits for nobody. Each keeps its own answer: one whose row changed since it was
/// read (412) or is gone (404) answers false, as <see cref="TableClientExtensions.TryReplaceAsync"/> does, and the
/// transaction is tried again without it; after any other failure of a transaction its replaces go again one a
/// request, each answered or failed as it would have been alone. A transaction is all or nothing, so a replace never
/// lands half-done with others.
/// </summary>
/// <remarks>
/// Why: the sends of one due minute are rows of one partition, and each takes two replaces (sending, then the
/// provider's answer) and two more when its receipts come in. Written one a request, those replaces were the largest
/// share of the table service's requests; in a transaction, the emulator serves a replace for a fraction of a request.
/// </remarks>
public sealed class GroupedReplaces(Func<CancellationToken, Task<TableClient>> table)
{
    /// <summary>An entity-group transaction holds at most 100 operations.</summary>
    public const int MostInOneTransaction = 100;

    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    /// <summary>True when the row was replaced (and its new ETag is on it); false when it changed since it was read, or is gone.</summary>
    public async Task<bool> TryReplaceAsync(ITableEntity entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var replace = new Replace(entity);
        var partition = _partitions.GetOrAdd(entity.PartitionKey, key => new Partition(key));
        bool leads;
        lock (partition)
        {
            partition.Waiting.Add(replace);
            leads = !partition.Writing;
            partition.Writing = true;
        }

        if (leads)
        {
            // The caller that found nothing being written writes until nothing waits. Not with the caller's token: a
            // transaction carries other callers' replaces too (a caller that stops waiting gets its cancellation).
            _ = WriteWhileWaitingAsync(partition);
        }

        return await replace.Done.Task.WaitAsync(ct);
    }

    private async Task WriteWhileWaitingAsync(Partition partition)
    {
        while (true)
        {
            List<Replace> group;
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
                foreach (var replace in group)
                {
                    replace.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>The first waiting replaces, each row once (a second replace of a row waits for the next transaction).</summary>
    private static List<Replace> TakeGroup(List<Replace> waiting)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var group = new List<Replace>();
        foreach (var replace in waiting)
        {
            if (group.Count == MostInOneTransaction)
            {
                break;
            }

            if (rows.Add(replace.Entity.RowKey))
            {
                group.Add(replace);
            }
        }

        foreach (var taken in group)
        {
            waiting.Remove(taken);
        }

        return group;
    }

    private async Task WriteAsync(List<Replace> group)
    {
        var client = await table(CancellationToken.None);
        while (group.Count > 0)
        {
            if (group.Count == 1)
            {
                var only = group[0];
                only.Done.TrySetResult(await client.TryReplaceAsync(only.Entity, CancellationToken.None));
                return;
            }

            try
            {
                var answers = await client.SubmitTransactionAsync(
                    group.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, r.Entity, r.Entity.ETag)),
                    CancellationToken.None);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Entity.ETag = answers.Value[i].Headers.ETag ?? group[i].Entity.ETag;
                    group[i].Done.TrySetResult(true);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404 && ex.FailedTransactionActionIndex is int index && index < group.Count)
            {
                // Nothing of the transaction was written: that one changed or went; the rest go again without it.
                group[index].Done.TrySetResult(false);
                group.RemoveAt(index);
            }
            catch (RequestFailedException)
            {
                // Any other failure (one bad row, a fault on the way, an answer lost after the storage applied it): each
                // goes again alone, so each gets the answer it would have had alone and no row fails for another's sake.
                await Task.WhenAll(group.Select(WriteAloneAsync));
                return;
            }
        }

        async Task WriteAloneAsync(Replace replace)
        {
            try
            {
                replace.Done.TrySetResult(await client.TryReplaceAsync(replace.Entity, CancellationToken.None));
            }
            catch (Exception ex)
            {
                replace.Done.TrySetException(ex);
            }
        }
    }

    private sealed class Partition(string key)
    {
        public string Key { get; } = key;

        public List<Replace> Waiting { get; } = [];

        public bool Writing { get; set; }
    }

    private sealed class Replace(ITableEntity entity)
    {
        public ITableEntity Entity { get; } = entity;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
