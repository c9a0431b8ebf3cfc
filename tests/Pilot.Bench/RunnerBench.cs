using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using Pilot.TestSupport;

namespace Pilot.Bench;

/// <summary>
/// What hosting the published worker costs against calling the functions in-process: the runner started as
/// <c>./run.sh</c> starts it (<c>dotnet Pilot.LocalRunner.dll</c>, already built) until <c>GET /api/health</c> first
/// answers 200; then sequential health requests: the first ones after start-up (the JIT still optimising), then, after
/// 1,000 more, the steady state (median and p95; the goal is judged on it); then queue messages for the SendReminder function
/// (texts that do not exist: one table read each) until the queue is empty. Each mode gets its own runner process.
/// </summary>
internal static class RunnerBench
{
    private static readonly string[] Modes = ["in-process", "worker"];

    /// <summary>Requests between the first ones measured and the steady state's.</summary>
    private const int SteadyAfter = 1_000;

    public static async Task RunAsync(int requests, int messages)
    {
        var results = new Dictionary<string, (double StartUp, double WarmingMedian, double Median, double P95, double PerMessage)>();
        foreach (var mode in Modes)
        {
            results[mode] = await MeasureAsync(mode, requests, messages);
            var r = results[mode];
            Console.WriteLine(Invariant($"[runner] {mode,-10}: start-up to first answer {r.StartUp:F2} s; GET /api/health: the first {requests:N0} after start-up median {r.WarmingMedian:F2} ms; steady state ({requests:N0} sequential after {SteadyAfter:N0} more) median {r.Median:F2} ms, p95 {r.P95:F2} ms; {messages:N0} queue messages {r.PerMessage:F2} ms each (drain time / messages)"));
        }

        var (inProcess, worker) = (results["in-process"], results["worker"]);
        Console.WriteLine(Invariant($"[runner] worker against in-process: start-up {worker.StartUp - inProcess.StartUp:+0.00;-0.00} s (goal: start-up under 3 s: {(worker.StartUp < 3 ? "met" : "NOT met")}); per HTTP request {worker.Median - inProcess.Median:+0.00;-0.00} ms at the median in the steady state (goal under 2 ms: {(worker.Median - inProcess.Median < 2 ? "met" : "NOT met")}), {worker.WarmingMedian - inProcess.WarmingMedian:+0.00;-0.00} ms over the first {requests:N0} after start-up; per queue message {worker.PerMessage - inProcess.PerMessage:+0.00;-0.00} ms"));
    }

    private static async Task<(double StartUp, double WarmingMedian, double Median, double P95, double PerMessage)> MeasureAsync(string mode, int requests, int messages)
    {
        var settings = BenchServices.Settings("runner");
        var port = Harness.FreePort();
        settings["LocalRunner:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["LocalRunner:Mode"] = mode;
        settings["Reminders:DispatchSchedule"] = "0 0 0 1 1 *";
        settings["Retention:Schedule"] = "0 0 0 1 1 *";
        settings["Vacancies:FeedQueue"] = "bench-feed-" + Guid.NewGuid().ToString("N")[..8];
        settings["Logging:LogLevel:Default"] = "Warning";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RunnerProcess.RunnerDll())!,
        };
        start.ArgumentList.Add(RunnerProcess.RunnerDll());
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var http = new HttpClient { BaseAddress = new Uri(Invariant($"http://127.0.0.1:{port}/api/")), Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        using var runner = Process.Start(start)!;
        runner.OutputDataReceived += (_, _) => { };
        runner.ErrorDataReceived += (_, _) => { };
        runner.BeginOutputReadLine();
        runner.BeginErrorReadLine();
        try
        {
            var startUp = await FirstAnswerAsync(http, runner, clock);

            // The first requests after start-up run code the JIT has not yet optimised (tier 0; methods are recompiled
            // after 30 calls, in the background): they are measured on their own, then the steady state after 1,000 more.
            var warming = await HealthLatenciesAsync(http, requests);
            for (var i = 0; i < SteadyAfter; i++)
            {
                using var warm = await http.GetAsync(new Uri("health", UriKind.Relative));
            }

            var latencies = await HealthLatenciesAsync(http, requests);
            var queue = new QueueClient(BenchServices.Storage, settings["Reminders:SendQueue"], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            await queue.CreateIfNotExistsAsync();
            var drain = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                await queue.SendMessageAsync(Invariant($$"""{"bucket":"2026-12-03T18","textId":"bench-missing-{{i}}"}"""), ct));
            while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
            {
                await Task.Delay(20);
            }

            return (startUp, warming[requests / 2], latencies[requests / 2], latencies[(int)(requests * 0.95)], drain.Elapsed.TotalMilliseconds / messages);
        }
        finally
        {
            runner.Kill(entireProcessTree: true);
            await runner.WaitForExitAsync();
        }
    }

    /// <summary>Sequential <c>GET /api/health</c> requests, each timed, sorted.</summary>
    private static async Task<double[]> HealthLatenciesAsync(HttpClient http, int requests)
    {
        var latencies = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var one = Stopwatch.StartNew();
            using var answer = await http.GetAsync(new Uri("health", UriKind.Relative));
            latencies[i] = one.Elapsed.TotalMilliseconds;
            answer.EnsureSuccessStatusCode();
        }

        Array.Sort(latencies);
        return latencies;
    }

    private static async Task<double> FirstAnswerAsync(HttpClient http, Process runner, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (runner.HasExited)
            {
                throw new InvalidOperationException(Invariant($"the runner exited at start (code {runner.ExitCode})"));
            }

            try
            {
                using var answer = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return clock.Elapsed.TotalSeconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the runner did not answer /api/health within 60 s");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
