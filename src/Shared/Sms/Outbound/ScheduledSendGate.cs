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

    /// <summary>How long a provider call keeps its send's place: a healthy call (tens of milliseconds) keeps it.</summary>
    public static readonly TimeSpan SlowProviderCall = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Makes the current send's provider call, giving its place to the next text once the call has taken
    /// <see cref="SlowProviderCall"/>: the gate is for storage's sake, and a send waiting on a failing provider (Polly's
    /// retries, a 429's Retry-After) makes no storage request. The fault run's backlog drained in 1,576 s with the place
    /// held through such waits, 962 s before the gate. A healthy call keeps its place, so the table service sees no
    /// more sends at once than before: given back at every call, the load run's confirmations went from p99 3.76 s to
    /// 5.34-5.36 s. What follows a slow call (the outcome's one write) does not wait for a place again. Outside the
    /// gate (the interactive lane) the call is simply made.
    /// </summary>
    public async Task<T> CallProviderAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var calling = call();
        if (_held.Value is not { } place)
        {
            return await calling;
        }

        using var answered = new CancellationTokenSource();
        var slow = Task.Delay(SlowProviderCall, answered.Token);
        if (await Task.WhenAny(calling, slow) == slow)
        {
            place.Leave();
        }

        await answered.CancelAsync();
        return await calling;
    }

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
