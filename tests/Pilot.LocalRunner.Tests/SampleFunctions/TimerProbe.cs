using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Tests.SampleFunctions;

/// <summary>What a sample timer function saw: the clock when it ran and the TimerInfo it got.</summary>
public sealed record TimerRun(DateTimeOffset At, TimerInfo Info);

/// <summary>Collects the runs of the sample timer functions for one test.</summary>
public sealed class TimerProbe
{
    private readonly Channel<TimerRun> _runs = Channel.CreateUnbounded<TimerRun>();

    /// <summary>Held closed by a test to keep a run going.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count { get; private set; }

    public int Record(DateTimeOffset at, TimerInfo info)
    {
        _runs.Writer.TryWrite(new TimerRun(at, info));
        return ++Count;
    }

    public async Task<TimerRun> NextRunAsync() =>
        await RunWithinAsync(TimeSpan.FromSeconds(20))
        ?? throw new TimeoutException($"The timer did not run within 20 s (runs so far: {Count}).");

    /// <returns>The next run, or null if none started within <paramref name="wait"/>.</returns>
    public async Task<TimerRun?> RunWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _runs.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
