using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pilot.LocalRunner.Tests.SampleFunctions;
using Pilot.LocalRunner.Tests.Support;

namespace Pilot.LocalRunner.Tests.Timers;

public sealed class TimerTriggerTests
{
    // Half a second after an occurrence, so the first run can only come from the schedule.
    private static readonly DateTimeOffset Start = At(0).AddMilliseconds(500);

    private static readonly Dictionary<string, string?> EveryFiveSeconds = new() { ["SampleTimerSchedule"] = "*/5 * * * * *" };

    [Fact]
    public async Task Schedule_given_as_a_setting_runs_the_timer_on_that_schedule()
    {
        var time = new FakeTimeProvider(Start);
        await using var runner = await StartAsync("SampleTimer", time);
        var probe = runner.Service<TimerProbe>();

        time.SetUtcNow(At(5));
        var first = await probe.NextRunAsync();
        time.SetUtcNow(At(10));
        var second = await probe.NextRunAsync();

        Assert.Equal(At(5), first.At);
        Assert.Equal(At(10).UtcDateTime, first.Info.ScheduleStatus!.Next);
        Assert.Equal(At(10), second.At);
        Assert.Equal(At(5).UtcDateTime, second.Info.ScheduleStatus!.Last);
        Assert.Equal(At(15).UtcDateTime, second.Info.ScheduleStatus.Next);
        Assert.Contains(runner.Logs.At(LogLevel.Information), e =>
            e.Message.Contains("'SampleTimer'") && e.Message.Contains("'*/5 * * * * *'") && e.Message.Contains("%SampleTimerSchedule%"));
    }

    [Fact]
    public void Schedule_setting_that_is_missing_fails_start_up_naming_it()
    {
        var error = TestRunner.BuildFails(["SampleTimer"]);

        var problem = Assert.Single(error.Problems);
        Assert.Contains("'SampleTimer'", problem);
        Assert.Contains("'SampleTimerSchedule'", problem);
        Assert.Contains("not set", problem);
    }

    [Fact]
    public void Schedule_that_is_not_six_field_ncrontab_fails_start_up()
    {
        var error = TestRunner.BuildFails(["SampleTimer"], new() { ["SampleTimerSchedule"] = "0 */5 * * *" });

        Assert.Contains("'0 */5 * * *' is not a 6-field NCRONTAB expression", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Run_that_throws_is_logged_and_the_next_occurrence_still_runs()
    {
        var time = new FakeTimeProvider(Start);
        await using var runner = await StartAsync("SampleFailingFirstTimer", time);
        var probe = runner.Service<TimerProbe>();

        time.SetUtcNow(At(5));
        await probe.NextRunAsync();
        time.SetUtcNow(At(10));
        var second = await probe.NextRunAsync();

        Assert.Equal(At(10), second.At);
        var failure = Assert.Single(runner.Logs.At(LogLevel.Error));
        Assert.Contains("'SampleFailingFirstTimer' (Failed", failure.Message);
        Assert.Equal("first run fails on purpose", failure.Exception?.Message);
    }

    [Fact]
    public async Task Timer_does_not_start_a_second_run_while_one_is_going_and_skips_the_occurrences_it_missed()
    {
        var time = new FakeTimeProvider(Start);
        await using var runner = await StartAsync("SampleSlowTimer", time);
        var probe = runner.Service<TimerProbe>();

        time.SetUtcNow(At(5));
        await probe.NextRunAsync();
        time.SetUtcNow(At(12));
        time.SetUtcNow(At(15));

        // An overlapping timer would start a run for :10 or :15 at once; this one must wait for the gate.
        var overlapping = await probe.RunWithinAsync(TimeSpan.FromMilliseconds(200));
        probe.Gate.SetResult();
        var second = await probe.NextRunAsync();

        Assert.Null(overlapping);
        Assert.Equal(At(15), second.At);
        Assert.Equal(At(5).UtcDateTime, second.Info.ScheduleStatus!.Last);
        Assert.Equal(At(20).UtcDateTime, second.Info.ScheduleStatus.Next);
        Assert.Equal(2, probe.Count);
    }

    [Fact]
    public async Task Timer_with_RunOnStartup_runs_once_at_start()
    {
        var time = new FakeTimeProvider(Start);
        await using var runner = await StartAsync("SampleStartupTimer", time);

        var run = await runner.Service<TimerProbe>().NextRunAsync();

        Assert.Equal(Start, run.At);
        Assert.Equal(new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc), run.Info.ScheduleStatus!.Next);
    }

    [Fact]
    public async Task Stopping_cancels_a_run_in_flight_and_returns_promptly()
    {
        var time = new FakeTimeProvider(Start);
        var runner = await StartAsync("SampleSlowTimer", time);
        time.SetUtcNow(At(5));
        await runner.Service<TimerProbe>().NextRunAsync();

        var stopping = Stopwatch.StartNew();
        await runner.DisposeAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed}");
        Assert.Contains(runner.Logs.Entries, e => e.Message.Contains("'SampleSlowTimer' (Cancelled"));
    }

    private static Task<TestRunner> StartAsync(string function, FakeTimeProvider time) =>
        TestRunner.StartAsync([function], EveryFiveSeconds, configure: builder => builder.Services.AddSingleton<TimeProvider>(time));

    private static DateTimeOffset At(int second) => new(2030, 1, 1, 0, 0, second, TimeSpan.Zero);
}
