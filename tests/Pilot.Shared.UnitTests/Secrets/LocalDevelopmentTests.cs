using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Pilot.Shared.Secrets;

namespace Pilot.Shared.UnitTests.Secrets;

public sealed class LocalDevelopmentTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("development", null, true)]
    [InlineData("Development", "a1b2c3d4e5", false)] // Azure sets WEBSITE_INSTANCE_ID on every instance
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    public void Only_a_development_host_outside_azure_is_local_development(string environmentName, string? instanceId, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(LocalDevelopment.AzureInstanceSetting, instanceId)]).Build();

        Assert.Equal(expected, LocalDevelopment.Is(new Environment(environmentName), configuration));
    }

    [Fact]
    public void No_host_environment_is_not_local_development() =>
        Assert.False(LocalDevelopment.Is(null, new ConfigurationBuilder().Build()));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Pilot";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
