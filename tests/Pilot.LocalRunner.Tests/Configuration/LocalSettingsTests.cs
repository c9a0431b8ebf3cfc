using Microsoft.Extensions.Configuration;
using Pilot.LocalRunner.Configuration;

namespace Pilot.LocalRunner.Tests.Configuration;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pilot-local-{Guid.NewGuid():N}.json");

    // Unique, so setting it cannot disturb anything else in the test process.
    private readonly string _environmentKey = $"PilotLocalSettingsTest{Guid.NewGuid():N}";

    [Fact]
    public void Local_settings_sit_between_appsettings_and_the_environment_like_under_Core_Tools()
    {
        File.WriteAllText(_path, $$"""
            {
              "IsEncrypted": false,
              "Values": {
                "FromLocal": "local",
                "OverridesAppSettings": "local",
                "{{_environmentKey}}": "local",
                "FromCommandLine": "local",
                "Reminders__Schedule": "0 0 18 * * *"
              },
              "ConnectionStrings": { "Letters": "UseDevelopmentStorage=true" }
            }
            """);
        Environment.SetEnvironmentVariable(_environmentKey, "environment");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([KeyValuePair.Create("OverridesAppSettings", (string?)"appsettings")]);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(["--FromCommandLine=command line"]);

        new LocalSettingsFiles([_path]).AddTo(configuration);

        Assert.Equal("local", configuration["FromLocal"]);
        Assert.Equal("local", configuration["OverridesAppSettings"]);
        Assert.Equal("environment", configuration[_environmentKey]);
        Assert.Equal("command line", configuration["FromCommandLine"]);
        Assert.Equal("0 0 18 * * *", configuration["Reminders:Schedule"]);
        Assert.Equal("UseDevelopmentStorage=true", configuration.GetConnectionString("Letters"));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_environmentKey, null);
        File.Delete(_path);
    }
}
