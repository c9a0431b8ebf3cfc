using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Worker;

namespace Pilot.LocalRunner.Timers;

/// <summary>
/// Runs one timer function on its schedule. Like the host's timers it is a singleton: a run that is
/// still going when the next occurrence comes delays it, and occurrences missed meanwhile are skipped.
/// </summary>
internal sealed partial class TimerListener(
    TimerFunction function,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerListener> logger,
    WorkerInvoker? worker = null) : BackgroundService
{
    // Task.Delay cannot wait longer than about 49 days in one go (a yearly schedule can).
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private DateTime _startedAt;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Read the clock here, not in ExecuteAsync (which runs later on a pool thread), so the first
        // occurrence is counted from start-up even when a test moves a fake clock straight away.
        _startedAt = time.GetUtcNow().UtcDateTime;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = default(DateTime);
        if (function.RunOnStartup)
        {
            await InvokeAsync(last, function.NextOccurrence(_startedAt), stoppingToken);
        }

        var previous = _startedAt;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = function.NextOccurrence(previous);
            if (next < now)
            {
                // Missed while the previous run was going: the host skips those. One due exactly
                // now is not missed (with a real clock that is rare; with a test's clock, common).
                next = function.NextOccurrence(now.AddTicks(-1));
            }

            try
            {
                for (; now < next; now = time.GetUtcNow().UtcDateTime)
                {
                    var wait = next - now;
                    using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var delay = Task.Delay(wait < LongestWait ? wait : LongestWait, time, pause.Token);

                    // A clock moved between reading it and arming the delay (a test's fake clock) would
                    // leave the delay waiting for the next move: look again once it is armed.
                    if (time.GetUtcNow().UtcDateTime >= next)
                    {
                        await pause.CancelAsync();
                        break;
                    }

                    await delay;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            await InvokeAsync(last, function.NextOccurrence(next), stoppingToken);
            last = next;
            previous = next;
        }
    }

    private async Task InvokeAsync(DateTime last, DateTime next, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = time.GetUtcNow().UtcDateTime },
        };
        var started = time.GetTimestamp();
        try
        {
            if (worker is not null)
            {
                await worker.InvokeTimerAsync(function.Method.Name, info, stoppingToken);
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                await function.Method.InvokeAsync(scope.ServiceProvider, function.BindArguments(info, stoppingToken));
            }
            LogSucceeded(function.Method.Name, time.GetElapsedTime(started).TotalMilliseconds, next);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogCancelled(function.Method.Name);
        }
        catch (Exception ex)
        {
            // Logged, not rethrown: the next occurrence still runs, as under the host.
            LogFailed(ex, function.Method.Name, time.GetElapsedTime(started).TotalMilliseconds, next);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{Function}' (Succeeded, timer, Duration={DurationMs:0}ms); next occurrence {Next:o}")]
    private partial void LogSucceeded(string function, double durationMs, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Executed '{Function}' (Failed, timer, Duration={DurationMs:0}ms); next occurrence {Next:o}")]
    private partial void LogFailed(Exception exception, string function, double durationMs, DateTime next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{Function}' (Cancelled, timer): the runner is stopping")]
    private partial void LogCancelled(string function);
}
