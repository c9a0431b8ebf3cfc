using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// How many texts of the scheduled lane (reminders, alerts, digests: the dispatch tick's minute) this process sends at
/// once, <c>Reminders:ScheduledSendConcurrency</c>. Both lanes share one storage account: a minute's burst sent as fast as
/// its messages arrive (up to 24 messages of 16 texts) filled the table service's queue of requests, and a confirmation
/// then waited behind all of it on each of its reads and writes. A few texts at a time keep the table service as busy
/// (its requests, not the number waiting, set the pace) with a short queue; the interactive lane is never held here.
/// </summary>
public sealed class ScheduledSendGate(IOptions<ReminderOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.ScheduledSendConcurrency, options.Value.ScheduledSendConcurrency);

    /// <summary>The place the current send holds, if it runs inside <see cref="RunAsync{T}"/>.</summary>
    private readonly AsyncLocal<Place?> _held = new();

    /// <summary>Texts being sent through the gate now (read by its tests).</summary>
    public int InUse => options.Value.ScheduledSendConcurrency - _slots.CurrentCount;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(send);
        await _slots.WaitAsync(ct);
        var place = new Place(_slots);
        _held.Value = place;
        try
        {
            return await send(ct);
        }
        finally
        {
            place.Leave();
        }
    }

    /// <summary>
    /// Gives the current send's place to the next text before it calls the provider: the gate is for storage's sake,
    /// and a send waiting on a provider (its retries and a 429's Retry-After included) makes no storage requests. The
    /// fault run's backlog drained in 1,576 s with the place held there (962 s before the gate, 579-735 s since). What
    /// follows the call (the outcome's one write) goes without waiting for a place again. Nothing happens outside the gate.
    /// </summary>
    public void LeaveBeforeProviderCall() => _held.Value?.Leave();

    public void Dispose() => _slots.Dispose();

    /// <summary>One send's place, given back once.</summary>
    private sealed class Place(SemaphoreSlim slots)
    {
        private int _left;

        public void Leave()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
