using System.Diagnostics;
using System.Globalization;

namespace Pilot.TestSupport;

/// <summary>
/// The local runner as a child process (<c>dotnet Pilot.LocalRunner.dll</c>, settings through the
/// environment), so the run can kill it with SIGKILL as a crashed host would die: no shutdown, no
/// finally blocks, queue messages left invisible, sends cut off mid-request. The fault run and the load run both use it.
/// </summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private RunnerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public static async Task<RunnerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port, string logPath, CancellationToken ct)
    {
        var dll = RunnerDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var runner = new RunnerProcess(process, log);
        // If the run itself is stopped (Ctrl+C, SIGTERM), the runner must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => runner.KillQuietly();
        await runner.WaitUntilHealthyAsync(port, ct);
        return runner;
    }

    /// <summary>
    /// SIGKILL to the runner and the worker process it hosts, as a crashed instance loses both: neither gets a chance
    /// to finish anything (a worker whose host died would otherwise live on, holding nothing but memory).
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGKILL to the worker process the runner hosts, and only to it, as a worker that crashes on its own dies: the
    /// runner (the host) stays up, fails the invocations it had in flight and starts a new worker. Returns the killed
    /// worker's pid once the runner answers <c>/api/health</c> through its new worker.
    /// </summary>
    /// <exception cref="InvalidOperationException">The runner hosts no worker process (in-process mode).</exception>
    public async Task<int> KillWorkerAsync(int port, CancellationToken ct)
    {
        var worker = ChildrenOf(_process.Id).FirstOrDefault()
            ?? throw new InvalidOperationException($"the runner (pid {_process.Id}) has no worker process to kill");
        using (worker)
        {
            var pid = worker.Id;
            worker.Kill();
            await worker.WaitForExitAsync(ct);
            await WaitUntilHealthyAsync(port, ct);
            return pid;
        }
    }

    /// <summary>The processes whose parent is <paramref name="pid"/>, read from <c>/proc/{pid}/stat</c> (Linux).</summary>
    private static IEnumerable<Process> ChildrenOf(int pid)
    {
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue; // Gone since the listing.
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": the command may hold spaces and parentheses, so read after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) && parent == pid
                && int.TryParse(Path.GetFileName(Path.GetDirectoryName(stat)), CultureInfo.InvariantCulture, out var child))
            {
                yield return Process.GetProcessById(child);
            }
        }
    }

    private void KillQuietly()
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
            // Disposed or never started: nothing to stop.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private async Task WaitUntilHealthyAsync(int port, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the local runner exited at start (code {_process.ExitCode}); see its log");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/api/health")), ct);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException("the local runner did not answer /api/health within 90 s");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>The runner built beside this program: src/LocalRunner/bin/{same configuration}/{same framework}.</summary>
    public static string RunnerDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pilot.Functions.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "LocalRunner", "bin", configuration, framework, "Pilot.LocalRunner.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the local runner first ({configuration})", dll);
            }
        }

        throw new DirectoryNotFoundException("the repository root (Pilot.Functions.sln) is not above " + here.FullName);
    }
}
