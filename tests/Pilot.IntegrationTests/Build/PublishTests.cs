using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.IntegrationTests.Build;

/// <summary>The Functions app publishes as a deployable app: every [Function] is in functions.metadata.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publish_output_holds_the_function_metadata_for_every_function_and_host_json()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), "pilot-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "Functions"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dotnet publish failed: {await stdout}{await stderr}");

            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));
            var published = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToHashSet();
            var declared = typeof(Pilot.Functions.Health.HealthFunction).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods())
                .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
                .OfType<string>()
                .ToList();

            Assert.NotEmpty(declared);
            Assert.All(declared, name => Assert.Contains(name, published));
            Assert.True(File.Exists(Path.Combine(output, "host.json")));
            Assert.True(File.Exists(Path.Combine(output, "extensions.json")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pilot.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pilot.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
