using System.Globalization;

namespace Pilot.LoadRun;

/// <summary>What one load run measured.</summary>
public sealed record LoadRunFacts(
    LoadRunOptions Options,
    LoadMix Mix,
    DateTimeOffset Start,
    IReadOnlyList<OfferedMessage> Offered,
    IReadOnlyDictionary<string, Completion> Completions,
    IReadOnlyList<LoadSample> Samples,
    long? RssBeforeLoad,
    long? RssAfterDrain,
    int Refused,
    string? FirstError,
    TimeSpan GeneratorLag,
    IReadOnlyList<string> Notes,
    TimeSpan Elapsed);

/// <summary>One minute of the load, by when messages became eligible (offered, latency) and when providers took them (completed).</summary>
/// <param name="RunnerCpu">Share of one core the runner used in the minute; <paramref name="AzuriteCpu"/> likewise.</param>
public sealed record LoadMinute(
    int Index, int Offered, int Completed, TimeSpan? P50, TimeSpan? P99, int MaxSendQueue, int MaxLetterQueue, long? Rss, double? RunnerCpu, double? AzuriteCpu, double? LoadAverage);

/// <summary>The figures of one kind of message over the whole run.</summary>
public sealed record LoadKindFigures(string Kind, int Offered, int Completed, TimeSpan? P50, TimeSpan? P99, TimeSpan? Max, TimeSpan? EndToEndP50, TimeSpan? EndToEndP99);

/// <summary>
/// The figures and the verdict. Queue latency of a message = the moment a provider simulator accepted it minus the
/// moment it became eligible (<see cref="OfferedMessage"/>). "Keeps up" when every offered message reached its
/// provider, the completed throughput is at least <see cref="LoadRunOptions.ThroughputShare"/> of the offered, the
/// last minute's p99 is at most <see cref="LoadRunOptions.LatencyGrowthFactor"/> times the first's plus
/// <see cref="LoadRunOptions.LatencySlack"/>, and the runner's memory at the end of the last minute is at most
/// <see cref="LoadRunOptions.MemoryGrowthFactor"/> times that at the end of the first plus <see cref="LoadRunOptions.MemorySlackBytes"/>.
/// </summary>
public sealed class LoadRunReport
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public LoadRunReport(LoadRunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Facts = facts;
        var options = facts.Options;
        var latencies = facts.Offered
            .Select(o => (Offer: o, Done: facts.Completions.GetValueOrDefault(o.Key)))
            .ToList();
        Offered = latencies.Count;
        Completed = latencies.Count(l => l.Done is not null);
        var lastMinute = new[]
        {
            options.Minutes - 1,
            latencies.Select(l => MinuteOf(l.Offer.EligibleAt)).DefaultIfEmpty(0).Max(),
            latencies.Where(l => l.Done is not null).Select(l => MinuteOf(l.Done!.ReceivedAt)).DefaultIfEmpty(0).Max(),
        }.Max();
        Minutes = [.. Enumerable.Range(0, lastMinute + 1).Select(m =>
        {
            var eligible = latencies.Where(l => MinuteOf(l.Offer.EligibleAt) == m).ToList();
            var samples = facts.Samples.Where(s => MinuteOf(s.At) == m).ToList();
            var done = eligible.Where(l => l.Done is not null).Select(l => l.Done!.ReceivedAt - l.Offer.EligibleAt).ToList();
            return new LoadMinute(
                m,
                eligible.Count,
                latencies.Count(l => l.Done is not null && MinuteOf(l.Done.ReceivedAt) == m),
                Percentile(done, 0.50),
                Percentile(done, 0.99),
                samples.Select(s => s.SendQueue).DefaultIfEmpty(0).Max(),
                samples.Select(s => s.LetterQueue).DefaultIfEmpty(0).Max(),
                samples.LastOrDefault()?.ResidentBytes,
                CpuShare(samples, s => s.RunnerCpuSeconds),
                CpuShare(samples, s => s.AzuriteCpuSeconds),
                samples.LastOrDefault()?.LoadAverage);
        })];
        var all = latencies.Where(l => l.Done is not null).Select(l => l.Done!.ReceivedAt - l.Offer.EligibleAt).ToList();
        P50 = Percentile(all, 0.50);
        P99 = Percentile(all, 0.99);
        Kinds = KindFigures(latencies);

        // The same two goals' figures without the first minute: the system's first burst after start-up (code compiled
        // for the first time, new rows for every number) is printed beside the goal, never instead of it.
        var afterFirstMinute = KindFigures([.. latencies.Where(l => MinuteOf(l.Offer.EligibleAt) >= 1)]);
        InteractiveP99AfterFirstMinute = InteractiveP99Of(afterFirstMinute);
        ScheduledP99AfterFirstMinute = ScheduledP99Of(afterFirstMinute);

        // Throughput: offered over the window; completed over the window or until the last message arrived, if later.
        OfferedPerSecond = Offered / (options.Minutes * 60.0);
        var lastDone = latencies.Where(l => l.Done is not null).Select(l => l.Done!.ReceivedAt).DefaultIfEmpty(facts.Start).Max();
        var completedOver = Math.Max(options.Minutes * 60.0, (lastDone - facts.Start).TotalSeconds);
        CompletedPerSecond = Completed / completedOver;
        FirstP99 = Minutes[0].P99;
        LastP99 = Minutes[options.Minutes - 1].P99;
        RssStart = Minutes[0].Rss;
        RssEnd = Minutes[options.Minutes - 1].Rss;
        MaxPoison = facts.Samples.Select(s => s.PoisonMessages).DefaultIfEmpty(0).Max();
    }

    public LoadRunFacts Facts { get; }

    public int Offered { get; }

    public int Completed { get; }

    public double OfferedPerSecond { get; }

    public double CompletedPerSecond { get; }

    public TimeSpan? P50 { get; }

    public TimeSpan? P99 { get; }

    public TimeSpan? FirstP99 { get; }

    public TimeSpan? LastP99 { get; }

    /// <summary>The runner's resident memory at the end of the first minute of load (warmed up) and at the end of the last.</summary>
    public long? RssStart { get; }

    public long? RssEnd { get; }

    public int MaxPoison { get; }

    public IReadOnlyList<LoadMinute> Minutes { get; }

    public IReadOnlyList<LoadKindFigures> Kinds { get; }

    public bool EverythingArrived => Completed == Offered && Facts.Refused == 0 && MaxPoison == 0;

    public bool ThroughputKeptUp => CompletedPerSecond >= Facts.Options.ThroughputShare * OfferedPerSecond;

    public TimeSpan? LatencyLimit => FirstP99 is { } first ? first * Facts.Options.LatencyGrowthFactor + Facts.Options.LatencySlack : null;

    public bool LatencyHeld => LastP99 is { } last && LatencyLimit is { } limit && last <= limit;

    public long? MemoryLimit => RssStart is { } start ? (long)(start * Facts.Options.MemoryGrowthFactor) + Facts.Options.MemorySlackBytes : null;

    public bool MemoryHeld => RssEnd is { } end && MemoryLimit is { } limit && end <= limit;

    /// <summary>Issue 17's goal for texts a person is waiting for (the confirmation at booking): p99 from the request to the provider.</summary>
    public static TimeSpan InteractiveGoal => TimeSpan.FromSeconds(3);

    /// <summary>Issue 17's goal for reminders and alerts: p99 from falling due to the provider.</summary>
    public static TimeSpan ScheduledGoal => TimeSpan.FromSeconds(20);

    public TimeSpan? InteractiveP99 => InteractiveP99Of(Kinds);

    public TimeSpan? ScheduledP99 => ScheduledP99Of(Kinds);

    /// <summary><see cref="InteractiveP99"/> over the messages that became eligible after the first minute (printed, not a goal).</summary>
    public TimeSpan? InteractiveP99AfterFirstMinute { get; }

    /// <summary><see cref="ScheduledP99"/> over the messages that became eligible after the first minute (printed, not a goal).</summary>
    public TimeSpan? ScheduledP99AfterFirstMinute { get; }

    public bool InteractiveFirst => InteractiveP99 is { } p99 && p99 <= InteractiveGoal;

    public bool ScheduledInTime => ScheduledP99 is { } p99 && p99 <= ScheduledGoal;

    public bool KeepsUp => EverythingArrived && ThroughputKeptUp && LatencyHeld && MemoryHeld && InteractiveFirst && ScheduledInTime;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var f = Facts;
        var o = f.Options;
        Line(output, $"");
        Line(output, $"Load run: {o.Rate:0.#} messages/s offered for {o.Minutes} minute(s) from {f.Start:HH:mm} UTC ({Offered:N0} messages), {f.Elapsed.TotalSeconds:F0} s in all");
        Line(output, $"  mix a second: {f.Mix.Confirmations:0.#} confirmations, {f.Mix.Reminders:0.#} reminders, {f.Mix.Alerts:0.#} vacancy alerts, {f.Mix.Invitations:0.#} WFI invitations (letter + companion text)");
        foreach (var note in f.Notes)
        {
            Line(output, $"  {note}");
        }

        Line(output, $"  queue latency = provider simulator accepted it - it became eligible (on its queue; a reminder at its minute's tick; an alert when the alert timer planned it)");
        Line(output, $"");
        Line(output, $"minute  offered/s  completed/s  p50 s   p99 s   send queue max  letter queue max  runner RSS  runner CPU  Azurite CPU  load avg");
        foreach (var m in Minutes)
        {
            var tag = m.Index >= o.Minutes ? "+" : " ";
            Line(output, $"{m.Index + 1,5}{tag}  {m.Offered / 60.0,9:F1}  {m.Completed / 60.0,11:F1}  {Seconds(m.P50),6}  {Seconds(m.P99),6}  {m.MaxSendQueue,14:N0}  {m.MaxLetterQueue,16:N0}  {LoadRunner.Mb(m.Rss),10}  {Percent(m.RunnerCpu),10}  {Percent(m.AzuriteCpu),11}  {m.LoadAverage,8:F1}");
        }

        Line(output, $"  (+ = after the window; CPU as a share of one core, Azurite's processes added up; the machine has {Environment.ProcessorCount} cores, shared)");

        Line(output, $"overall {OfferedPerSecond,8:F1}  {CompletedPerSecond,11:F1}  {Seconds(P50),6}  {Seconds(P99),6}   (offered over the {o.Minutes} minutes; completed until the last arrived)");
        Line(output, $"");
        Line(output, $"kind             offered  completed  p50 s   p99 s   max s   end-to-end p50/p99 s (from the POST or booking)");
        foreach (var k in Kinds)
        {
            Line(output, $"{k.Kind,-15}  {k.Offered,7:N0}  {k.Completed,9:N0}  {Seconds(k.P50),6}  {Seconds(k.P99),6}  {Seconds(k.Max),6}  {Seconds(k.EndToEndP50)}/{Seconds(k.EndToEndP99)}");
        }

        Line(output, $"");
        Line(output, $"runner memory (VmRSS): {LoadRunner.Mb(f.RssBeforeLoad)} before the load, {LoadRunner.Mb(RssStart)} after minute 1, {LoadRunner.Mb(RssEnd)} after minute {o.Minutes}, {LoadRunner.Mb(f.RssAfterDrain)} after the drain");
        Line(output, $"generator: {f.Refused} refused request(s){(f.FirstError is null ? "" : " (first: " + f.FirstError + ")")}; at most {f.GeneratorLag.TotalSeconds:F1} s behind its schedule; poison messages {MaxPoison}");
        Line(output, $"");
        Line(output, $"goals:");
        Line(output, $"  every offered message reached its provider: {Verdict(EverythingArrived)} ({Completed:N0} of {Offered:N0}, {Offered - Completed:N0} missing)");
        Line(output, $"  completed throughput >= {o.ThroughputShare:P0} of offered: {Verdict(ThroughputKeptUp)} ({CompletedPerSecond:F1}/s vs {OfferedPerSecond:F1}/s)");
        Line(output, $"  last minute's p99 <= {o.LatencyGrowthFactor:0.##} x first minute's + {o.LatencySlack.TotalSeconds:0.#} s: {Verdict(LatencyHeld)} ({Seconds(LastP99)} s vs limit {Seconds(LatencyLimit)} s; first {Seconds(FirstP99)} s)");
        Line(output, $"  runner RSS after minute {o.Minutes} <= {o.MemoryGrowthFactor:0.##} x after minute 1 + {o.MemorySlackBytes / 1024 / 1024} MB: {Verdict(MemoryHeld)} ({LoadRunner.Mb(RssEnd)} vs limit {LoadRunner.Mb(MemoryLimit)})");
        Line(output, $"  interactive texts (confirmations) p99 from the booking to the provider <= {InteractiveGoal.TotalSeconds:0} s: {Verdict(InteractiveFirst)} ({Seconds(InteractiveP99)} s)");
        Line(output, $"  reminders and alerts p99 from falling due to the provider <= {ScheduledGoal.TotalSeconds:0} s: {Verdict(ScheduledInTime)} ({Seconds(ScheduledP99)} s)");
        Line(output, $"  (not a goal, for comparison: from minute 2 on, confirmations p99 {Seconds(InteractiveP99AfterFirstMinute)} s, reminders and alerts p99 {Seconds(ScheduledP99AfterFirstMinute)} s)");
        Line(output, $"verdict: {(KeepsUp ? "keeps up" : "DOES NOT keep up")}");
    }

    private static TimeSpan? InteractiveP99Of(IReadOnlyList<LoadKindFigures> kinds) => kinds.Single(k => k.Kind == MessageKinds.Confirmation).EndToEndP99;

    private static TimeSpan? ScheduledP99Of(IReadOnlyList<LoadKindFigures> kinds) => kinds.Where(k => k.Kind is MessageKinds.Reminder or MessageKinds.Alert).Select(k => k.P99).Max();

    /// <summary>Each kind's count, queue latency and end-to-end latency over these messages.</summary>
    private static List<LoadKindFigures> KindFigures(List<(OfferedMessage Offer, Completion? Done)> latencies)
        => [.. MessageKinds.All.Select(kind =>
        {
            var ofKind = latencies.Where(l => l.Offer.Kind == kind).ToList();
            var done = ofKind.Where(l => l.Done is not null).ToList();
            var queue = done.Select(l => l.Done!.ReceivedAt - l.Offer.EligibleAt).ToList();
            var endToEnd = done.Select(l => l.Done!.ReceivedAt - l.Offer.ActionAt).ToList();
            return new LoadKindFigures(kind, ofKind.Count, done.Count, Percentile(queue, 0.5), Percentile(queue, 0.99), queue.Count == 0 ? null : queue.Max(), Percentile(endToEnd, 0.5), Percentile(endToEnd, 0.99));
        })];

    /// <summary>CPU seconds used between the minute's first and last samples, over the seconds between them.</summary>
    private static double? CpuShare(List<LoadSample> samples, Func<LoadSample, double?> cpu)
    {
        var timed = samples.Where(s => cpu(s) is not null).ToList();
        if (timed.Count < 2)
        {
            return null;
        }

        var seconds = (timed[^1].At - timed[0].At).TotalSeconds;
        return seconds <= 0 ? null : (cpu(timed[^1])!.Value - cpu(timed[0])!.Value) / seconds;
    }

    private int MinuteOf(DateTimeOffset at) => (int)Math.Floor((at - Facts.Start) / Minute);

    private static TimeSpan? Percentile(List<TimeSpan> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var index = (int)Math.Ceiling(p * values.Count) - 1;
        return values[Math.Clamp(index, 0, values.Count - 1)];
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? share) => share is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static void Line(TextWriter output, FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
