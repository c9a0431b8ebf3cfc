using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Pilot.LocalRunner.Configuration;

/// <summary>The <c>local.settings.json</c> files the runner loaded, in the order they apply.</summary>
internal sealed record LocalSettingsFiles(IReadOnlyList<string> Paths)
{
    public const string FileName = "local.settings.json";

    private const string RepositoryMarker = "Pilot.Functions.sln";

    /// <summary>
    /// Looks in <c>src/Functions</c> of the repository (where Core Tools would read it) and then in the
    /// working directory, so a copy beside the command wins.
    /// </summary>
    public static LocalSettingsFiles Find(string workingDirectory, string baseDirectory)
    {
        var candidates = new List<string>();
        var root = FindRepositoryRoot(workingDirectory) ?? FindRepositoryRoot(baseDirectory);
        if (root is not null)
        {
            candidates.Add(Path.Combine(root, "src", "Functions", FileName));
        }

        candidates.Add(Path.Combine(workingDirectory, FileName));
        return new LocalSettingsFiles(candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(File.Exists).ToList());
    }

    /// <summary>
    /// Adds the files just before the (unprefixed) environment variables, so the order is
    /// appsettings.json, local.settings.json, environment, command line, as under Core Tools.
    /// </summary>
    public void AddTo(IConfigurationBuilder configuration)
    {
        var sources = configuration.Sources;
        var index = -1;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                index = i;
                break;
            }
        }

        foreach (var path in Paths)
        {
            var source = new LocalSettingsConfigurationSource(path);
            if (index < 0)
            {
                sources.Add(source);
            }
            else
            {
                sources.Insert(index++, source);
            }
        }
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
