using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Functions.Telemetry;

namespace Pilot.Infra.Tests.Telemetry;

/// <summary>The app's telemetry as the Bicep configures it, and its absence everywhere else.</summary>
public sealed class TelemetryTests
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/";

    [Theory]
    [InlineData("ClientId=" + ClientId + ";Authorization=AAD", ClientId)]
    [InlineData(" Authorization = aad ; ClientId = " + ClientId + " ", ClientId)]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=" + ClientId, null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_authentication_string_names_the_identity_only_with_entra_authorization(string? value, string? expected)
    {
        Assert.Equal(expected, ApplicationInsightsAuthentication.ManagedIdentityClientId(value));
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_registered_so_local_runs_and_tests_send_nothing()
    {
        var services = new ServiceCollection();

        services.AddPilotTelemetry(new ConfigurationBuilder().Build());

        Assert.Empty(services);
    }

    [Fact]
    public async Task With_the_bicep_settings_telemetry_goes_to_that_resource_and_keeps_information_logs()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = ConnectionString,
            [TelemetryServiceCollectionExtensions.AuthenticationSetting] = $"ClientId={ClientId};Authorization=AAD",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);

        services.AddPilotTelemetry(configuration);

        await using var provider = services.BuildServiceProvider();
        Assert.Equal(ConnectionString, provider.GetRequiredService<TelemetryConfiguration>().ConnectionString);
        var rules = provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;
        Assert.DoesNotContain(rules, r => r.ProviderName?.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal) == true && r.LogLevel >= LogLevel.Warning);
    }
}
