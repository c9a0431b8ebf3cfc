using Microsoft.Extensions.Configuration;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// How the runner runs the functions: <c>worker</c> hosts the app's own worker process (the build or publish output
/// in <c>LocalRunner:WorkerDirectory</c>) over the Functions host protocol; <c>in-process</c> calls the function classes
/// itself, found by reflection (the runner's own fast tests).
/// </summary>
/// <param name="Directory">The worker's folder (a build or publish output: worker.config.json, the app's dll, functions.metadata); null in-process.</param>
/// <param name="Assembly">The worker's dll in that folder, as its worker.config.json names it (<c>description.defaultWorkerPath</c>).</param>
internal sealed record WorkerSettings(string? Directory, string? Assembly = null)
{
    public const string ModeSetting = "LocalRunner:Mode";

    public const string DirectorySetting = "LocalRunner:WorkerDirectory";

    public const string WorkerMode = "worker";

    public const string InProcessMode = "in-process";

    public bool IsWorker => Directory is not null;

    /// <returns>The settings, or in-process ones after adding a problem.</returns>
    public static WorkerSettings Read(IConfiguration configuration, string defaultMode, ICollection<string> problems)
    {
        var mode = configuration[ModeSetting] ?? defaultMode;
        if (string.Equals(mode, InProcessMode, StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerSettings(Directory: null);
        }

        if (!string.Equals(mode, WorkerMode, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{ModeSetting} is '{mode}'; expected '{WorkerMode}' or '{InProcessMode}'.");
            return new WorkerSettings(Directory: null);
        }

        var directory = configuration[DirectorySetting] is { Length: > 0 } configured ? Path.GetFullPath(configured) : BuildOutput();
        var assembly = directory is null ? null : WorkerAssembly(directory);
        if (directory is null || assembly is null || !File.Exists(Path.Combine(directory, assembly)))
        {
            problems.Add(
                $"{DirectorySetting} is '{directory ?? "not set"}', which holds no worker (worker.config.json naming a dll that is there): " +
                "build src/Functions (dotnet build src/Functions) or name the folder of a build or an unpacked publish.");
            return new WorkerSettings(Directory: null);
        }

        return new WorkerSettings(directory, assembly);
    }

    /// <summary>The dll the host would start: worker.config.json <c>description.defaultWorkerPath</c>.</summary>
    private static string? WorkerAssembly(string directory)
    {
        var config = Path.Combine(directory, "worker.config.json");
        if (!File.Exists(config))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
            return document.RootElement.TryGetProperty("description", out var description)
                && description.TryGetProperty("defaultWorkerPath", out var path)
                    ? path.GetString()
                    : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// src/Functions/bin/{configuration}/{framework} of the repository the runner was built in, the configuration and
    /// framework being the runner's own (its binaries sit in src/LocalRunner/bin/{configuration}/{framework}).
    /// </summary>
    private static string? BuildOutput()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent?.Name;
        for (var directory = here; directory is not null && configuration is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pilot.Functions.sln")))
            {
                return Path.Combine(directory.FullName, "src", "Functions", "bin", configuration, framework);
            }
        }

        return null;
    }
}
