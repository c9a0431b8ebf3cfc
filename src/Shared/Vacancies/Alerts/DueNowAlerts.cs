using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// The alert texts an alert-timer run queues itself (due when planned), put on the send queue as the run writes them,
/// <see cref="SendMessage.MaxTexts"/> of one due minute to a message as the dispatch tick queues a minute: one message
/// a text made a run of thousands of alerts thousands of queue messages, and the emulator's queue slows with every
/// message waiting (<c>./bench.sh vacancy-e2e</c>: the timer 87 s instead of 22 s). A text is added after it is written,
/// so a message never names a text not yet stored.
/// </summary>
public sealed class DueNowAlerts(SendQueueWriter queue)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<string>> _waiting = new(StringComparer.Ordinal);
    private readonly List<TextEntity> _added = [];

    /// <summary>Adds a written text; when its minute has a message's worth waiting, queues them.</summary>
    public async Task AddAsync(TextEntity text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? full = null;
        lock (_gate)
        {
            _added.Add(text);
            if (!_waiting.TryGetValue(text.PartitionKey, out var ids))
            {
                _waiting[text.PartitionKey] = ids = [];
            }

            ids.Add(text.RowKey);
            if (ids.Count == SendMessage.MaxTexts)
            {
                full = ids;
                _waiting.Remove(text.PartitionKey);
            }
        }

        if (full is not null)
        {
            await queue.EnqueueTogetherAsync(text.PartitionKey, full, ct);
        }
    }

    /// <summary>Queues what is still waiting; returns every text added (queued now or before).</summary>
    public async Task<IReadOnlyList<TextEntity>> FlushAsync(CancellationToken ct)
    {
        List<(string Bucket, List<string> Ids)> rest;
        lock (_gate)
        {
            rest = [.. _waiting.Select(w => (w.Key, w.Value))];
            _waiting.Clear();
        }

        foreach (var (bucket, ids) in rest)
        {
            await queue.EnqueueTogetherAsync(bucket, ids, ct);
        }

        lock (_gate)
        {
            return [.. _added];
        }
    }
}
