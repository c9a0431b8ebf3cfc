using Pilot.LoadRun;

namespace Pilot.IntegrationTests.LoadRun;

/// <summary>
/// The load run's figures and verdict from made-up runs (no runner, no storage): what "keeps up" means must fail
/// when a message is missing, when latency grows, when memory grows, or when the providers fall behind.
/// </summary>
public sealed class LoadRunReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void A_run_whose_messages_all_arrive_quickly_with_steady_latency_and_memory_keeps_up()
    {
        var report = Report(Run(minutes: 3, perMinute: 60, latency: _ => TimeSpan.FromSeconds(2)));

        Assert.True(report.KeepsUp, Printed(report));
        Assert.Equal(180, report.Offered);
        Assert.Equal(180, report.Completed);
        Assert.Equal(TimeSpan.FromSeconds(2), report.P99);
        Assert.Equal(1.0, report.OfferedPerSecond, 3);
        Assert.Equal([60, 60, 60], report.Minutes.Take(3).Select(m => m.Offered));
        Assert.Contains("verdict: keeps up", Printed(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_that_never_reached_its_provider_fails_the_run()
    {
        var (offered, completions) = Run(minutes: 3, perMinute: 60, latency: _ => TimeSpan.FromSeconds(2));
        completions.Remove(offered[100].Key);

        var report = Report((offered, completions));

        Assert.False(report.EverythingArrived);
        Assert.False(report.KeepsUp);
        Assert.Contains("1 missing", Printed(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_growing_past_one_and_a_half_times_the_first_minutes_plus_a_second_fails_the_run()
    {
        // First minute 2 s; last minute 4.5 s > 1.5 x 2 + 1 = 4 s.
        var report = Report(Run(minutes: 3, perMinute: 60, latency: at => at < Start.AddMinutes(2) ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(4.5)));

        Assert.True(report.EverythingArrived);
        Assert.False(report.LatencyHeld, Printed(report));
        Assert.False(report.KeepsUp);
    }

    [Fact]
    public void Latency_within_the_limit_holds()
    {
        var report = Report(Run(minutes: 3, perMinute: 60, latency: at => at < Start.AddMinutes(2) ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(3.9)));

        Assert.True(report.LatencyHeld, Printed(report));
    }

    [Fact]
    public void Memory_growing_past_the_bound_fails_the_run()
    {
        // After minute 1: 200 MB; after minute 3: 400 MB > 1.25 x 200 + 64 = 314 MB.
        var report = Report(Run(minutes: 3, perMinute: 60, latency: _ => TimeSpan.FromSeconds(2)), rss: minute => (200 + 100 * minute) * Megabyte);

        Assert.Equal(200 * Megabyte, report.RssStart);
        Assert.Equal(400 * Megabyte, report.RssEnd);
        Assert.False(report.MemoryHeld);
        Assert.False(report.KeepsUp);
    }

    [Fact]
    public void Providers_taking_far_longer_than_the_window_fail_the_throughput_goal()
    {
        // Every message arrives, but the last ones a minute and a half after the window: the backlog grew.
        var report = Report(Run(minutes: 3, perMinute: 60, latency: at => TimeSpan.FromSeconds((at - Start).TotalSeconds / 2)));

        Assert.True(report.EverythingArrived);
        Assert.False(report.ThroughputKeptUp, Printed(report));
    }

    [Fact]
    public void A_confirmation_waiting_behind_the_reminders_burst_fails_the_interactive_goal_and_a_late_reminder_the_scheduled_one()
    {
        // Confirmations 4 s from the booking (the goal is 3 s); reminders 25 s from falling due (the goal is 20 s).
        var report = Report(Run(minutes: 3, perMinute: 60, latency: _ => TimeSpan.FromSeconds(2)));
        var slowConfirmations = Report(Run(minutes: 3, perMinute: 60, latency: _ => TimeSpan.FromSeconds(2), kindLatency: kind => kind == MessageKinds.Confirmation ? TimeSpan.FromSeconds(4) : null));
        var lateReminders = Report(Run(minutes: 3, perMinute: 60, latency: _ => TimeSpan.FromSeconds(2), kindLatency: kind => kind == MessageKinds.Reminder ? TimeSpan.FromSeconds(25) : null));

        Assert.True(report.InteractiveFirst && report.ScheduledInTime, Printed(report));
        Assert.False(slowConfirmations.InteractiveFirst);
        Assert.True(slowConfirmations.ScheduledInTime);
        Assert.False(slowConfirmations.KeepsUp);
        Assert.Contains("interactive texts (confirmations) p99 from the booking to the provider <= 3 s: NOT met (4.00 s)", Printed(slowConfirmations), StringComparison.Ordinal);
        Assert.False(lateReminders.ScheduledInTime);
        Assert.False(lateReminders.KeepsUp);
    }

    [Fact]
    public void A_slow_first_minute_fails_the_goals_and_the_figures_from_minute_two_are_printed_beside_them_not_instead()
    {
        // Every message 30 s late in the first minute, 2 s after it: the goals count the first minute.
        var report = Report(Run(minutes: 3, perMinute: 60, latency: at => at < Start.AddMinutes(1) ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(2)));

        Assert.False(report.InteractiveFirst);
        Assert.False(report.ScheduledInTime);
        Assert.Equal(TimeSpan.FromSeconds(2), report.InteractiveP99AfterFirstMinute);
        Assert.Equal(TimeSpan.FromSeconds(2), report.ScheduledP99AfterFirstMinute);
        Assert.Contains("(not a goal, for comparison: from minute 2 on, confirmations p99 2.00 s, reminders and alerts p99 2.00 s)", Printed(report), StringComparison.Ordinal);
        Assert.Contains("verdict: DOES NOT keep up", Printed(report), StringComparison.Ordinal);
    }

    private static (List<OfferedMessage> Offered, Dictionary<string, Completion> Completions) Run(int minutes, int perMinute, Func<DateTimeOffset, TimeSpan> latency, Func<string, TimeSpan?>? kindLatency = null)
    {
        var offered = new List<OfferedMessage>();
        var completions = new Dictionary<string, Completion>(StringComparer.Ordinal);
        for (var i = 0; i < minutes * perMinute; i++)
        {
            var eligible = Start.AddSeconds(i * 60.0 / perMinute);
            var kind = MessageKinds.All[i % MessageKinds.All.Count];
            var key = $"text-{i}";
            offered.Add(new OfferedMessage(key, kind, eligible, eligible));
            completions[key] = new Completion(key, "twilio", eligible + (kindLatency?.Invoke(kind) ?? latency(eligible)));
        }

        return (offered, completions);
    }

    private static LoadRunReport Report((List<OfferedMessage> Offered, Dictionary<string, Completion> Completions) run, Func<int, long>? rss = null)
    {
        var minutes = (int)Math.Ceiling((run.Offered.Max(o => o.EligibleAt) - Start).TotalMinutes);
        var options = new LoadRunOptions(minutes, run.Offered.Count / (minutes * 60.0), "unused", "unused");
        var samples = Enumerable.Range(0, minutes * 12)
            .Select(i => new LoadSample(Start.AddSeconds(i * 5 + 2), (rss ?? (_ => 200 * Megabyte))(i / 12), 0, 0, 0, 0, i * 2.0, i * 3.0, 1.0))
            .ToList();
        return new LoadRunReport(new LoadRunFacts(
            options, LoadMix.At(options.Rate), Start, run.Offered, run.Completions, samples, 100 * Megabyte, 200 * Megabyte, 0, null, TimeSpan.Zero, ["a note"], TimeSpan.FromMinutes(minutes)));
    }

    private static string Printed(LoadRunReport report)
    {
        var output = new StringWriter();
        report.Print(output);
        return output.ToString();
    }
}
