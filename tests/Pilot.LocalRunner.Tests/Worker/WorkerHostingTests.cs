using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Tests.Support;
using Pilot.LocalRunner.Worker;
using Pilot.TestSupport;

namespace Pilot.LocalRunner.Tests.Worker;

/// <summary>The runner hosting a real worker process over the Functions host protocol, on Azurite.</summary>
public sealed class WorkerHostingTests
{
    private static readonly object FastRetries = new { maxPollingInterval = "00:00:00.2", visibilityTimeout = "00:00:00", maxDequeueCount = 3 };

    [Fact]
    public async Task The_apps_own_worker_answers_health_through_the_runner_and_runs_a_queue_function_from_a_message()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("send");
        await using var runner = await WorkerRunners.StartAppAsync(["Health", "SendReminder"], AppSettings(queueName), FastRetries);
        using var http = runner.CreateClientWithoutKey();

        using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var queue = Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        // camelCase, as the app enqueues it; the worker binds it with its own converters.
        await queue.SendMessageAsync("""{"bucket":"2026-12-03T18","textId":"no-such-text"}""");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"ok","storage":"ok"}""", await health.Content.ReadAsStringAsync());
        var logged = await Eventually.GetAsync(
            () => Task.FromResult(runner.Logs.Entries.FirstOrDefault(e => e.Category == "Function.SendReminder.User" && e.Message.Contains("no-such-text", StringComparison.Ordinal))),
            "the worker's log of the queue function, as RpcLog",
            30);
        Assert.Equal(LogLevel.Warning, logged.Level);
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the message to be deleted after success");
        Assert.Contains(runner.Logs.Entries, e => e.Message.StartsWith("Worker started: dotnet Pilot.Functions.dll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_answers_503_through_the_worker_when_storage_refuses_connections()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var nowhere = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        await using var runner = await WorkerRunners.StartAppAsync(["Health"], new() { ["AzureWebJobsStorage"] = nowhere });
        using var http = runner.CreateClientWithoutKey();

        using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"status":"unhealthy","storage":"unreachable"}""", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_worker_whose_start_up_fails_stops_the_runner_with_the_workers_message()
    {
        var settings = new Dictionary<string, string?> { ["Sms:NumberKeySecret"] = "" };

        var failure = await Assert.ThrowsAsync<LocalRunnerStartupException>(() => WorkerRunners.StartAppAsync(["Health"], settings));

        Assert.Contains("The worker exited", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Sms:NumberKeySecret is empty but required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_killed_mid_invocation_is_restarted_and_the_queue_message_comes_back()
    {
        await Azurite.EnsureReachableAsync();
        var (queueName, markers) = (Azurite.UniqueName("hold"), Markers());
        await using var runner = await WorkerRunners.StartSampleAsync(["Hold"], SampleSettings(queueName, markers), FastRetries);
        var supervisor = runner.Service<WorkerSupervisor>();
        var queue = Queue(queueName);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hold-kill");
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(Path.Combine(markers, "hold-kill.attempts"))), "the first attempt to start", 30, RunnerLogged);
        var first = supervisor.Current!.Process.Id;
        using (var worker = Process.GetProcessById(first))
        {
            worker.Kill();
        }

        var done = await Eventually.GetAsync(() => Task.FromResult(ReadIfExists(Path.Combine(markers, "hold-kill.done"))), "the message to run again in a new worker", 60, RunnerLogged);
        Assert.Equal("2", done);
        Assert.Equal(2, supervisor.Starts);
        Assert.NotEqual(first, supervisor.Current!.Process.Id);
        Assert.Contains(runner.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("The worker process died", StringComparison.Ordinal));
        Assert.Contains(runner.Logs.Entries, e => e.Message.StartsWith("Executed 'Hold' (Failed", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the message to be deleted after its second attempt", explain: RunnerLogged);

        string RunnerLogged() => "The runner logged:" + Environment.NewLine + string.Join(Environment.NewLine, runner.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.Message}"));
    }

    [Fact]
    public async Task Stopping_the_runner_cancels_an_in_flight_invocation_which_ends_and_its_message_is_released()
    {
        await Azurite.EnsureReachableAsync();
        var (queueName, markers) = (Azurite.UniqueName("hold"), Markers());
        await using var runner = await WorkerRunners.StartSampleAsync(["Hold"], SampleSettings(queueName, markers), FastRetries);
        var queue = Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hold-stop");
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(Path.Combine(markers, "hold-stop.attempts"))), "the invocation to start", 30);

        var stopping = Stopwatch.StartNew();
        await runner.App.StopAsync();

        Assert.True(stopping.Elapsed < WorkerInvoker.CancelGrace, $"stopping took {stopping.Elapsed}");
        Assert.True(File.Exists(Path.Combine(markers, "hold-stop.cancelled")), "the function saw its cancellation");
        Assert.False(File.Exists(Path.Combine(markers, "hold-stop.done")));
        Assert.Contains(runner.Logs.Entries, e => e.Message.StartsWith("Executed 'Hold' (Cancelled", StringComparison.Ordinal));
        var back = (await queue.PeekMessagesAsync(1)).Value;
        Assert.Equal("hold-stop", Assert.Single(back).Body.ToString());
    }

    [Fact]
    public async Task An_http_function_answers_through_the_worker_and_a_failed_invocation_is_answered_500_as_the_host_answers()
    {
        await using var runner = await WorkerRunners.StartSampleAsync(["Boom"], []);
        using var http = runner.CreateClientWithoutKey();

        using var ok = await http.GetAsync(new Uri("/api/boom/0", UriKind.Relative));
        using var thrown = await http.GetAsync(new Uri("/api/boom/7", UriKind.Relative));
        using var unconvertible = await http.GetAsync(new Uri("/api/boom/seven", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("n").GetInt32());
        foreach (var failed in new[] { thrown, unconvertible })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains(runner.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Executed 'Boom' (Failed", StringComparison.Ordinal) && e.Exception?.Message.Contains("boom 7", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_request_whose_worker_dies_before_answering_is_answered_503_with_Retry_After_and_the_next_runs_in_a_new_worker()
    {
        await using var runner = await WorkerRunners.StartSampleAsync(["Boom"], []);
        var supervisor = runner.Service<WorkerSupervisor>();
        using var http = runner.CreateClientWithoutKey();

        using var died = await http.GetAsync(new Uri("/api/boom/-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, died.StatusCode);
        Assert.Equal("application/problem+json", died.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), died.Headers.RetryAfter?.Delta);
        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri("/api/boom/0", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "a new worker to answer", 60);
        Assert.Equal(2, supervisor.Starts);
    }

    private static Dictionary<string, string?> AppSettings(string queueName) => new()
    {
        ["AzureWebJobsStorage"] = Azurite.ConnectionString,
        ["Storage:TablePrefix"] = Azurite.UniqueName("worker"),
        ["Reminders:SendQueue"] = queueName,
        ["Reminders:InteractiveSendQueue"] = queueName + "-i",
    };

    private static Dictionary<string, string?> SampleSettings(string queueName, string markers) => new()
    {
        ["AzureWebJobsStorage"] = Azurite.ConnectionString,
        ["Sample:HoldQueue"] = queueName,
        ["Sample:MarkerDirectory"] = markers,
    };

    private static QueueClient Queue(string name) => new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static string Markers() => Directory.CreateTempSubdirectory("pilot-worker-markers-").FullName;

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
