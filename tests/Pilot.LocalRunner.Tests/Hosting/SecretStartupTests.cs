using Microsoft.Extensions.Options;
using Pilot.LocalRunner.Tests.Support;
using Pilot.Shared.Secrets;

namespace Pilot.LocalRunner.Tests.Hosting;

/// <summary>The runner hosting the real app refuses to start on a bad secret, naming it; with its development secrets it starts.</summary>
public sealed class SecretStartupTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/acs-eventgrid-key)";

    [Fact]
    public async Task The_app_refuses_to_start_with_an_unresolved_key_vault_reference()
    {
        var failure = await StartFailureAsync(new() { ["Sms:Acs:EventGridKey"] = Reference });

        Assert.Contains("Sms:Acs:EventGridKey is an unresolved Key Vault reference", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_the_templates_secrets_in_an_azure_like_environment()
    {
        var settings = DevelopmentSecrets.All.DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(s => s.Key, s => (string?)s.Value);
        settings[LocalDevelopment.AzureInstanceSetting] = "4b2f0c7e9d1a"; // as Azure sets on every instance

        var failure = await StartFailureAsync(settings);

        Assert.Contains("Wfi:TokenSigningKey holds a development value", failure, StringComparison.Ordinal);
        Assert.Contains("Sms:NumberKeySecret holds a development value", failure, StringComparison.Ordinal);
        Assert.Contains("Sms:Acs:EventGridKey holds a development value", failure, StringComparison.Ordinal);
        Assert.Contains("Access:Offices:jcp-lambeth holds a development value", failure, StringComparison.Ordinal);
        Assert.Contains("Access:Central holds a development value", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_when_a_role_key_hash_is_an_unresolved_key_vault_reference()
    {
        var failure = await StartFailureAsync(new() { ["Access:Offices:jcp-lambeth"] = "@Microsoft.KeyVault(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/access-office-jcp-lambeth)" });

        Assert.Contains("Access:Offices:jcp-lambeth is an unresolved Key Vault reference", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sms:NumberKeySecret")]
    [InlineData("Wfi:TokenSigningKey")]
    public async Task The_app_refuses_to_start_without_a_required_secret(string setting)
    {
        var failure = await StartFailureAsync(new() { [setting] = "" });

        Assert.Contains($"{setting} is empty but required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_starts_with_its_development_secrets_on_a_developers_machine()
    {
        await using var runner = await TestRunner.StartAsync(["Health"], useRunnerDefaultAssemblies: true);

        Assert.Equal("Development", runner.App.Environment.EnvironmentName);
    }

    /// <summary>Starts the runner with the app's own functions (health only: no storage is reached) and returns why it did not start.</summary>
    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => TestRunner.StartAsync(["Health"], settings, useRunnerDefaultAssemblies: true));
        var failures = thrown switch
        {
            OptionsValidationException single => single.Failures,
            AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
                many.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures),
            _ => throw new Xunit.Sdk.XunitException($"Expected the start-up checks to refuse, but got {thrown}"),
        };
        return string.Join("\n", failures);
    }
}
