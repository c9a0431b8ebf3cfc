using System.IO.Compression;
using Pilot.Infra.Tests.Support;
using Pilot.Infra.Tests.Workflows;

namespace Pilot.Infra.Tests.Deployment;

/// <summary>
/// The package the deploy workflow ships, built offline the way the workflow builds it: the publish step's
/// script, then the files `actions/upload-artifact` carries with the workflow's own `include-hidden-files`
/// setting, zipped as `Azure/functions-action` zips a folder (every file, hidden ones included), and
/// unpacked into an empty folder as the platform does.
/// </summary>
public static class DeployedPackage
{
    private const string Deploy = ".github/workflows/deploy.yml";

    /// <summary>The publish command of the workflow's build job (its `run:` line) and the folder it writes.</summary>
    public static (string Script, string Output) PublishStep()
    {
        var workflow = new WorkflowFile(Deploy);
        var run = workflow.Steps.Select(s => WorkflowFile.Scalar(s, "run")?.Trim()).OfType<string>()
            .Single(r => r.StartsWith("scripts/publish.sh ", StringComparison.Ordinal));
        var parts = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (parts[0], parts[1]);
    }

    /// <summary>The workflow's upload step: the folder it uploads and whether it keeps hidden files.</summary>
    public static (string Path, bool IncludeHiddenFiles) UploadStep()
    {
        var upload = new WorkflowFile(Deploy).Steps
            .Single(s => WorkflowFile.Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        var with = WorkflowFile.Map(upload, "with")!;
        // upload-artifact v4.4+ defaults include-hidden-files to false.
        return (WorkflowFile.Scalar(with, "path")!, string.Equals(WorkflowFile.Scalar(with, "include-hidden-files"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Runs the workflow's publish script into <paramref name="output"/>.</summary>
    public static void Publish(string output)
    {
        var (script, _) = PublishStep();
        var (exitCode, printed) = Scripts.RunAsync(script, [output], TimeSpan.FromMinutes(10), start =>
        {
            // A fresh build, not one steered by the test run's own MSBuild: drop what `dotnet test` passes down.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        }).GetAwaiter().GetResult();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited {exitCode}:\n{printed}");
        }
    }

    /// <summary>The files upload-artifact would carry out of <paramref name="folder"/>, relative, with '/' separators.</summary>
    public static IReadOnlyList<string> ArtifactFiles(string folder, bool includeHiddenFiles) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            // Without include-hidden-files, a file is left out when any part of its path starts with a dot.
            .Where(f => includeHiddenFiles || !f.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)];

    /// <summary>Zips the artifact's files (what the deploy job downloads) as the functions action zips its package folder.</summary>
    public static void Zip(string folder, IEnumerable<string> files, string zipPath)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in files)
        {
            zip.CreateEntryFromFile(Path.Combine(folder, file), file, CompressionLevel.Fastest);
        }
    }

    /// <summary>Builds the package from the workflow's own steps and unpacks it into <paramref name="target"/> (which must be empty).</summary>
    public static IReadOnlyList<string> Rehearse(string publishFolder, string zipPath, string target)
    {
        Publish(publishFolder);
        var (_, includeHidden) = UploadStep();
        var files = ArtifactFiles(publishFolder, includeHidden);
        Zip(publishFolder, files, zipPath);
        Unpack(zipPath, target);
        return files;
    }

    public static void Unpack(string zipPath, string target)
    {
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InvalidOperationException($"{target} is not empty");
        }

        ZipFile.ExtractToDirectory(zipPath, target);
    }
}
