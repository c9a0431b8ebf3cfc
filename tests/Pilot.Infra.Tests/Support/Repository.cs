namespace Pilot.Infra.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string BicepFolder => Path.Combine(Root, "infra", "bicep");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path relative to the repository root, with forward slashes, for messages and test names.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pilot.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Pilot.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
