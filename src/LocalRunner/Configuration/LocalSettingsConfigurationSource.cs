using Microsoft.Extensions.Configuration;

namespace Pilot.LocalRunner.Configuration;

internal sealed class LocalSettingsConfigurationSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new LocalSettingsConfigurationProvider(Path);
}
