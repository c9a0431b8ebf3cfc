namespace Pilot.Infra.Tests.Support;

/// <summary>A folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pilot-infra-");

    public string Path => _folder.FullName;

    public void Dispose() => _folder.Delete(recursive: true);
}
