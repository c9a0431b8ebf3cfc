using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Hosting;
using Pilot.LocalRunner.Worker.Protocol;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// Starts the worker process and brings it up as the Functions host does (StartStream, WorkerInitRequest,
/// FunctionsMetadataRequest, one FunctionLoadRequest per function), restarts it whenever it dies, and stops it last.
/// A worker that cannot start stops the runner with the worker's own words.
/// </summary>
internal sealed partial class WorkerSupervisor(
    WorkerSettings settings,
    FunctionCatalog catalog,
    IConfiguration configuration,
    IHostEnvironment environment,
    WorkerLogs logs,
    ILoggerFactory loggers,
    ILogger<WorkerSupervisor> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>How long a worker has to connect, initialise and load its functions.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker told to terminate has before it is killed.</summary>
    public static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LongestRestartWait = TimeSpan.FromSeconds(10);

    // Configuration keys of the runner's own host, not app settings.
    private static readonly string[] HostOnlyKeys = ["contentRoot", "applicationName", "environment", "urls", "http_ports", "https_ports"];

    private readonly ConcurrentDictionary<string, WorkerConnection> _expected = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource<WorkerRun> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;
    private Uri? _endpoint;
    private WorkerRun? _current;
    private Task _watching = Task.CompletedTask;
    private int _shutDown;

    /// <summary>The worker now serving, or null while none is (starting, restarting).</summary>
    public WorkerRun? Current => _current;

    /// <summary>How many times the worker has been started (1 after start-up, 2 after the first restart).</summary>
    public int Starts { get; private set; }

    /// <summary>Waits until a worker is up (at once, unless it is restarting).</summary>
    public Task<WorkerRun> ReadyAsync(CancellationToken cancellationToken) => Volatile.Read(ref _ready).Task.WaitAsync(cancellationToken);

    /// <returns>The connection for a worker this runner started and is waiting for; null for any other.</returns>
    public WorkerConnection? Attach(string workerId) => _expected.TryRemove(workerId, out var connection) ? connection : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        (_server, _endpoint) = await WorkerRpcServer.StartAsync(this, cancellationToken);
        var run = await StartWorkerAsync(cancellationToken);
        Serve(run);
    }

    public Task StopAsync(CancellationToken cancellationToken) => ShutDownAsync(graceful: true, cancellationToken);

    /// <summary>Disposed without being stopped (a test's <c>await using</c>): no restart, no worker left behind.</summary>
    public async ValueTask DisposeAsync() => await ShutDownAsync(graceful: false, CancellationToken.None);

    private async Task ShutDownAsync(bool graceful, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _shutDown, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_current is { } run)
        {
            if (graceful)
            {
                // The listeners and the HTTP endpoint stopped first (they were registered after this), so nothing is in flight.
                run.Connection.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TerminateGrace) } });
                await Task.WhenAny(run.Process.Exited, Task.Delay(TerminateGrace, CancellationToken.None));
            }

            run.Process.Dispose();
            run.Connection.Close();
        }

        await _watching;
        if (_server is not null)
        {
            if (graceful)
            {
                await _server.StopAsync(cancellationToken);
            }

            await _server.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private void Serve(WorkerRun run)
    {
        _current = run;
        Starts++;
        LogStarted(settings.Assembly!, run.Process.Id, settings.Directory!, run.Functions.Count, run.StartedIn.TotalMilliseconds, run.HttpUri ?? "none");
        Volatile.Read(ref _ready).TrySetResult(run);
        _watching = WatchAsync(run);
    }

    /// <summary>When the worker dies, everything waiting on it fails (a queue message is then retried as after any failure) and a new one is started.</summary>
    private async Task WatchAsync(WorkerRun run)
    {
        await Task.WhenAny(run.Process.Exited, run.Connection.Closed);
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _current = null;
        Volatile.Write(ref _ready, new TaskCompletionSource<WorkerRun>(TaskCreationOptions.RunContinuationsAsynchronously));
        run.Connection.Close();
        run.Process.Dispose();
        LogDied(run.Process.Exited.IsCompleted ? run.Process.Exited.Result.ToString(CultureInfo.InvariantCulture) : "still running (its stream ended)");

        var wait = TimeSpan.Zero;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, _stopping.Token);
                Serve(await StartWorkerAsync(_stopping.Token));
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (LocalRunnerStartupException ex)
            {
                wait = wait == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRestartWait.Ticks));
                LogRestartFailed(ex.Message, wait.TotalSeconds);
            }
        }
    }

    /// <exception cref="LocalRunnerStartupException">The worker exited, refused or did not answer in time; the message carries what it said.</exception>
    private async Task<WorkerRun> StartWorkerAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var workerId = Guid.NewGuid().ToString();
        var connection = new WorkerConnection(workerId, logs);
        _expected[workerId] = connection;
        var process = WorkerProcess.Start(settings.Directory!, settings.Assembly!, Environment(workerId), loggers.CreateLogger<WorkerProcess>());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await Step(process, WaitAttachedAsync(workerId, timeout.Token), "connect");

            var init = (await Step(process, connection.RequestAsync(new StreamingMessage { WorkerInitRequest = InitRequest() }, timeout.Token), "initialise")).WorkerInitResponse;
            Check(init.Result, process, "initialise");
            init.Capabilities.TryGetValue("HttpUri", out var httpUri);

            var metadata = (await Step(
                process,
                connection.RequestAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = settings.Directory } }, timeout.Token),
                "list its functions")).FunctionMetadataResponse;
            Check(metadata.Result, process, "list its functions");

            var functions = new Dictionary<string, WorkerFunction>(StringComparer.OrdinalIgnoreCase);
            var loads = new List<Task<StreamingMessage>>();
            foreach (var function in metadata.FunctionMetadataResults)
            {
                if (string.IsNullOrEmpty(function.FunctionId))
                {
                    function.FunctionId = Guid.NewGuid().ToString();
                }

                if (WorkerFunction.From(function) is { } loaded)
                {
                    functions[loaded.Name] = loaded;
                }

                loads.Add(connection.RequestAsync(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function } }, timeout.Token));
            }

            foreach (var load in await Step(process, Task.WhenAll(loads), "load its functions"))
            {
                Check(load.FunctionLoadResponse.Result, process, "load function " + load.FunctionLoadResponse.FunctionId);
            }

            CheckAgainstCatalog(functions, httpUri);
            if (catalog.Http.Count > 0)
            {
                // The worker answers the handshake before its web server listens: forward nothing until it does.
                await Step(process, WaitListeningAsync(new Uri(httpUri!), timeout.Token), "listen for HTTP on " + httpUri);
            }

            return new WorkerRun(process, connection, functions, httpUri, clock.Elapsed);
        }
        catch
        {
            _expected.TryRemove(workerId, out _);
            connection.Close();
            process.Dispose();
            throw;
        }
    }

    private static async Task WaitListeningAsync(Uri uri, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(uri.Host, uri.Port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private async Task WaitAttachedAsync(string workerId, CancellationToken cancellationToken)
    {
        while (_expected.ContainsKey(workerId))
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>The functions the runner triggers must be the worker's: a package that lost one fails here.</summary>
    private void CheckAgainstCatalog(Dictionary<string, WorkerFunction> functions, string? httpUri)
    {
        var missing = catalog.Timers.Select(t => t.Method.Name)
            .Concat(catalog.Queues.Select(q => q.Method.Name))
            .Concat(catalog.Http.Select(h => h.Method.Name))
            .Where(name => !functions.ContainsKey(name))
            .ToList();
        var problems = missing.Select(name => $"The worker in {settings.Directory} has no function '{name}' (its functions.metadata lists {functions.Count}).").ToList();
        if (catalog.Http.Count > 0 && string.IsNullOrEmpty(httpUri))
        {
            problems.Add("The worker did not say where it takes HTTP requests (no HttpUri capability): does its Program.cs call ConfigureFunctionsWebApplication?");
        }

        if (problems.Count > 0)
        {
            throw new LocalRunnerStartupException(problems);
        }
    }

    private static async Task<T> Step<T>(WorkerProcess process, Task<T> step, string what)
    {
        await Step(process, (Task)step, what);
        return await step;
    }

    private static async Task Step(WorkerProcess process, Task step, string what)
    {
        await Task.WhenAny(step, process.Exited);
        if (!step.IsCompleted && process.Exited.IsCompleted)
        {
            throw new LocalRunnerStartupException(
                $"The worker exited (code {process.Exited.Result}) before it could {what}. It said:{System.Environment.NewLine}{process.LastOutput()}");
        }

        try
        {
            await step;
        }
        catch (OperationCanceledException ex)
        {
            throw new LocalRunnerStartupException($"The worker did not {what} within {StartTimeout.TotalSeconds} s. It said:{System.Environment.NewLine}{process.LastOutput()}", ex);
        }
        catch (WorkerGoneException ex)
        {
            throw new LocalRunnerStartupException($"The worker went away before it could {what}. It said:{System.Environment.NewLine}{process.LastOutput()}", ex);
        }
    }

    private static void Check(StatusResult result, WorkerProcess process, string what)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new LocalRunnerStartupException(
                $"The worker could not {what}: {result.Exception?.Message ?? result.Result}{System.Environment.NewLine}{process.LastOutput()}");
        }
    }

    private WorkerInitRequest InitRequest()
    {
        var request = new WorkerInitRequest { HostVersion = "pilot-local-runner", WorkerDirectory = settings.Directory };
        request.Capabilities["HandlesInvocationCancelMessage"] = "true";
        return request;
    }

    /// <summary>
    /// What the Functions host gives a worker: the app settings as environment variables (<c>:</c> as <c>__</c>), the
    /// connection to the host, the app's folder, the environment name; and a HOME of its own, where ASP.NET Core keeps
    /// its Data Protection keys.
    /// </summary>
    private Dictionary<string, string> Environment(string workerId)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && !HostOnlyKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && !key.StartsWith("LocalRunner:", StringComparison.OrdinalIgnoreCase))
            {
                variables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var home = Path.Combine(Path.GetTempPath(), "pilot-local-runner", "worker-home");
        Directory.CreateDirectory(home);
        variables["HOME"] = home;
        variables["AZURE_FUNCTIONS_ENVIRONMENT"] = environment.EnvironmentName;
        variables["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        variables["FUNCTIONS_WORKER_DIRECTORY"] = settings.Directory!;
        variables["FUNCTIONS_APPLICATION_DIRECTORY"] = settings.Directory!;
        variables["Functions__Worker__HostEndpoint"] = _endpoint!.ToString().TrimEnd('/');
        variables["Functions__Worker__WorkerId"] = workerId;
        variables["Functions__Worker__RequestId"] = Guid.NewGuid().ToString();
        variables["Functions__Worker__GrpcMaxMessageLength"] = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        return variables;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker started: dotnet {Assembly} (pid {ProcessId}) from {Directory}; {Count} functions loaded in {Milliseconds:0} ms; HTTP forwarded to {HttpUri}")]
    private partial void LogStarted(string assembly, int processId, string directory, int count, double milliseconds, string httpUri);

    [LoggerMessage(Level = LogLevel.Error, Message = "The worker process died (exit code {ExitCode}); invocations in flight failed; restarting it")]
    private partial void LogDied(string exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting the worker failed; trying again in {Seconds} s: {Reason}")]
    private partial void LogRestartFailed(string reason, double seconds);
}
