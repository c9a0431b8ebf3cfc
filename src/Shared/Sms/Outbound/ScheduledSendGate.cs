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

    /// <summary>Texts being sent through the gate now (read by its tests).</summary>
    public int InUse => options.Value.ScheduledSendConcurrency - _slots.CurrentCount;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(send);
        await _slots.WaitAsync(ct);
        try
        {
            return await send(ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
