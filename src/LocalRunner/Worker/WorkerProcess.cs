using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// One run of the worker: <c>dotnet {its dll}</c> in its folder with the environment the host gives it.
/// Its console output is logged at Debug (its real logs arrive as RpcLog) and the last lines are kept, so a worker
/// that dies at start-up can be reported with its own words.
/// </summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private const int KeptLines = 60;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public static WorkerProcess Start(string directory, string assembly, IReadOnlyDictionary<string, string> environment, ILogger logger)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, assembly));

        // The runner's own addresses must not become the worker's: it listens where it says in its HttpUri capability.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, logger);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.Exited += (_, _) => worker.OnExited();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>What the worker last wrote to its console, from its unhandled exception on when there is one.</summary>
    public string LastOutput()
    {
        List<string> lines;
        lock (_lastLines)
        {
            lines = [.. _lastLines];
        }

        var crash = lines.FindIndex(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        return string.Join(Environment.NewLine, crash < 0 ? lines : lines.Skip(crash));
    }

    /// <summary>SIGKILL, as a crashed worker dies: no shutdown.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnExited()
    {
        // Let the output readers drain the last lines before the exit is reported.
        _process.WaitForExit();
        _exited.TrySetResult(_process.ExitCode);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }

        LogConsole(line);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker console: {Line}")]
    private partial void LogConsole(string line);
}
