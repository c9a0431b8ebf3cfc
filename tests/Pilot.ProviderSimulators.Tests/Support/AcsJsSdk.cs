using System.Diagnostics;
using System.Text.Json;

namespace Pilot.ProviderSimulators.Tests.Support;

/// <summary>Runs acs-sdk/send.mjs: Azure's own JavaScript SmsClient, installed at the repository root by npm ci.</summary>
internal static class AcsJsSdk
{
    public static async Task<JsonElement> SendAsync(Uri endpoint, string accessKey, string from, string to, string message, string tag)
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "Pilot.ProviderSimulators.Tests", "acs-sdk", "send.mjs");
        Assert.True(
            Directory.Exists(Path.Combine(root, "node_modules", "@azure", "communication-sms")),
            "node_modules lacks @azure/communication-sms: run npm ci at the repository root (./test.sh does).");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, $"endpoint={endpoint};accesskey={accessKey}", from, to, message, tag })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        Assert.True(process.ExitCode is 0 or 2, $"node exited {process.ExitCode}: {await stderr}{output}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No package.json above {AppContext.BaseDirectory}.");
    }
}
