using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

public sealed class ScheduledSendGateTests
{
    [Fact]
    public async Task No_more_scheduled_texts_are_sent_at_once_than_the_setting_allows_and_the_rest_wait_their_turn()
    {
        using var gate = new ScheduledSendGate(Options.Create(new ReminderOptions { ScheduledSendConcurrency = 2 }));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var sends = Enumerable.Range(0, 5).Select(i => gate.RunAsync(async _ =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
            return i;
        }, CancellationToken.None)).ToList();

        await WaitUntilAsync(() => Volatile.Read(ref started) == 2);
        await Task.Delay(50);
        Assert.Equal(2, Volatile.Read(ref started));
        Assert.Equal(2, gate.InUse);

        release.SetResult();
        var results = await Task.WhenAll(sends);
        Assert.Equal([0, 1, 2, 3, 4], results);
        Assert.Equal(5, started);
        Assert.Equal(0, gate.InUse);
    }

    [Fact]
    public async Task A_send_waiting_on_its_provider_has_given_its_place_to_the_next_text_and_gives_nothing_back_twice()
    {
        using var gate = new ScheduledSendGate(Options.Create(new ReminderOptions { ScheduledSendConcurrency = 1 }));
        var provider = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync(async _ =>
        {
            gate.LeaveBeforeProviderCall();
            gate.LeaveBeforeProviderCall();
            return await provider.Task;
        }, CancellationToken.None);

        Assert.Equal(2, await gate.RunAsync(_ => Task.FromResult(2), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        gate.LeaveBeforeProviderCall(); // outside the gate: nothing to give back
        Assert.Equal(0, gate.InUse);

        provider.SetResult(1);
        Assert.Equal(1, await first);
        Assert.Equal(0, gate.InUse);
        Assert.Equal(3, await gate.RunAsync(_ => Task.FromResult(3), CancellationToken.None));
    }

    [Fact]
    public async Task A_send_that_throws_gives_its_place_back()
    {
        using var gate = new ScheduledSendGate(Options.Create(new ReminderOptions { ScheduledSendConcurrency = 1 }));

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(_ => throw new InvalidOperationException("provider down"), CancellationToken.None));

        Assert.Equal(0, gate.InUse);
        Assert.Equal(7, await gate.RunAsync(_ => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task A_text_waiting_for_a_place_stops_waiting_when_the_worker_stops()
    {
        using var gate = new ScheduledSendGate(Options.Create(new ReminderOptions { ScheduledSendConcurrency = 1 }));
        var hold = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync(_ => hold.Task, CancellationToken.None);
        using var stopping = new CancellationTokenSource();

        var waiting = gate.RunAsync(_ => Task.FromResult(2), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        hold.SetResult(1);
        Assert.Equal(1, await first);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the gate did not let the first sends start within 10 s");
            await Task.Delay(5);
        }
    }
}
