using System.Diagnostics;

namespace Pilot.Infra.Tests.Support;

/// <summary>Runs a repository script (or any command) from the repository root: its exit code and everything it printed.</summary>
public static class Scripts
{
    /// <param name="file">A path relative to the repository root (<c>scripts/...</c>) or a command on PATH.</param>
    /// <param name="prepare">Changes to the process's start (its environment, say) before it starts.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, Action<ProcessStartInfo>? prepare = null)
    {
        var path = File.Exists(Repository.PathOf(file)) ? Repository.PathOf(file) : file;
        var start = new ProcessStartInfo(path, arguments)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        prepare?.Invoke(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
