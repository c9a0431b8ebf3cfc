using Pilot.SampleWorker;

namespace Pilot.LocalRunner.Tests.Support;

/// <summary>Runners in worker mode: the app's own worker (src/Functions build output) or the sample worker of these tests.</summary>
public static class WorkerRunners
{
    /// <summary>The sample worker's build output: tests/Pilot.SampleWorker/bin/{this configuration}/{this framework}.</summary>
    public static string SampleWorkerDirectory
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            for (var directory = here; directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pilot.Functions.sln")))
                {
                    return Path.Combine(directory.FullName, "tests", "Pilot.SampleWorker", "bin", here.Parent!.Name, here.Name);
                }
            }

            throw new DirectoryNotFoundException("the repository root (Pilot.Functions.sln) is not above " + here.FullName);
        }
    }

    /// <summary>The runner hosting the app's own worker, triggering only <paramref name="functions"/>.</summary>
    public static Task<TestRunner> StartAppAsync(string[] functions, Dictionary<string, string?> settings, object? queues = null) =>
        TestRunner.StartAsync(functions, WithMode(settings), queues, useRunnerDefaultAssemblies: true);

    /// <summary>The runner hosting the sample worker (HoldFunction, BoomFunction).</summary>
    public static Task<TestRunner> StartSampleAsync(string[] functions, Dictionary<string, string?> settings, object? queues = null) =>
        TestRunner.StartAsync(
            functions,
            WithMode(new Dictionary<string, string?>(settings) { ["LocalRunner:WorkerDirectory"] = SampleWorkerDirectory }),
            queues,
            assemblies: [typeof(HoldFunction).Assembly]);

    private static Dictionary<string, string?> WithMode(Dictionary<string, string?> settings) =>
        new(settings) { ["LocalRunner:Mode"] = "worker" };
}
