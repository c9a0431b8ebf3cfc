using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pilot.Functions.Hosting;
using Pilot.Shared.Secrets;

namespace Pilot.IntegrationTests.Build;

/// <summary>The Functions worker as Program.cs builds it (<see cref="PilotWorker.AddPilotWorker"/>) runs the same start-up checks as the runner.</summary>
public sealed class WorkerStartupTests
{
    [Fact]
    public async Task The_worker_refuses_to_start_with_an_unresolved_key_vault_reference_or_a_missing_secret()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // What the Functions host passes a worker it starts; nothing listens there, and nothing gets that far.
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions:Worker:WorkerId"] = "worker-startup-test",
            ["Functions:Worker:RequestId"] = "worker-startup-test",
            ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
            ["Wfi:TokenSigningKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/wfi-token-signing-key)",
            ["Sms:NumberKeySecret"] = "",
        });
        using var host = builder.AddPilotWorker().Build();

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var failures = string.Join("\n", (thrown is AggregateException many ? many.InnerExceptions : [thrown]).OfType<OptionsValidationException>().SelectMany(e => e.Failures));
        Assert.True(failures.Length > 0, thrown.ToString());
        Assert.Contains("Wfi:TokenSigningKey is an unresolved Key Vault reference", failures, StringComparison.Ordinal);
        Assert.Contains("Sms:NumberKeySecret is empty but required", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worker_in_azure_refuses_development_secrets()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wfi:TokenSigningKey"] = DevelopmentSecrets.ValueOf("Wfi:TokenSigningKey"),
            ["Sms:NumberKeySecret"] = DevelopmentSecrets.ValueOf("Sms:NumberKeySecret"),
        });
        using var host = builder.AddPilotWorker().Build();

        // The worker's environment is Production unless AZURE_FUNCTIONS_ENVIRONMENT says otherwise, as in Azure.
        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SecretSettingsCheck>>().Value);

        Assert.False(host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        Assert.Contains(failure.Failures, f => f.StartsWith("Wfi:TokenSigningKey holds a development value", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Sms:NumberKeySecret holds a development value", StringComparison.Ordinal));
    }
}
