using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pilot.Infra.Tests.Support;

/// <summary>
/// The Bicep CLI that scripts/bicep.sh installs (test.sh runs it and sets BICEP_PATH). Missing, it fails
/// every test that needs it with the command to run: these checks are never skipped.
/// </summary>
public static partial class BicepCli
{
    public static string Path => Locate(Environment.GetEnvironmentVariable("BICEP_PATH"), Repository.Root);

    /// <summary>BICEP_PATH when set, else tools/bicep/bicep; an exception saying how to install it when it is not there.</summary>
    public static string Locate(string? configured, string repositoryRoot)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(repositoryRoot, "tools", "bicep", "bicep") : configured;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"The Bicep CLI is not at {path}. Run scripts/bicep.sh (./test.sh does) to install it from NuGet (Azure.Bicep.CommandLine.linux-x64), or set BICEP_PATH.");
    }

    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.BicepFolder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Never ask the Bicep registry or the network for anything: everything here is local.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new BicepResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Diagnostic lines (`file(line,col) : Warning rule: text`), whatever their level.</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        [.. output.Split('\n').Select(l => l.Trim()).Where(l => DiagnosticLine().IsMatch(l)).Distinct()];

    [GeneratedRegex(@"\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}

public sealed record BicepResult(int ExitCode, string Output, string Errors);
