using Microsoft.Extensions.Configuration;
using Pilot.Shared.Secrets;

namespace Pilot.Shared.UnitTests.Secrets;

public sealed class SecretCheckTests
{
    private const string RealKey = "b3f1c2d4e5a6978812345678901234567890abcdef";
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/acs-eventgrid-key)";

    [Fact]
    public void Real_secrets_pass_in_any_environment()
    {
        var configuration = Settings(("Wfi:TokenSigningKey", RealKey), ("Sms:NumberKeySecret", RealKey + "2"), ("Sms:Acs:EventGridKey", RealKey + "3"));

        Assert.Empty(Problems(configuration, localDevelopment: false));
        Assert.Empty(Problems(configuration, localDevelopment: true));
    }

    [Theory]
    [InlineData("Wfi:TokenSigningKey")]
    [InlineData("Sms:NumberKeySecret")]
    public void A_required_secret_that_is_empty_or_missing_is_refused_by_name(string name)
    {
        var values = new Dictionary<string, string?> { ["Wfi:TokenSigningKey"] = RealKey, ["Sms:NumberKeySecret"] = RealKey };
        values[name] = "  ";
        var blank = Assert.Single(Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), localDevelopment: true));
        values.Remove(name);
        var missing = Assert.Single(Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), localDevelopment: true));

        Assert.StartsWith($"{name} is empty but required", blank, StringComparison.Ordinal);
        Assert.StartsWith($"{name} is empty but required", missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Reference)]
    [InlineData("  @microsoft.keyvault(VaultName=kv-pilot-abc123;SecretName=acs-eventgrid-key)")]
    [InlineData("@MICROSOFT.KEYVAULT(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/acs-eventgrid-key/)  ")]
    public void An_unresolved_key_vault_reference_is_refused_even_in_local_development(string value)
    {
        var configuration = Settings(("Wfi:TokenSigningKey", RealKey), ("Sms:NumberKeySecret", RealKey), ("Sms:Acs:EventGridKey", value));

        var problem = Assert.Single(Problems(configuration, localDevelopment: true));

        Assert.StartsWith("Sms:Acs:EventGridKey is an unresolved Key Vault reference", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_development_secret_is_refused_outside_local_development_and_allowed_in_it()
    {
        var template = DevelopmentSecrets.All.Where(s => SecretSettings.All.Any(secret => secret.Matches(s.Key))).DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToList();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(template.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

        var problems = Problems(configuration, localDevelopment: false);

        Assert.Empty(Problems(configuration, localDevelopment: true));
        Assert.Contains(problems, p => p.StartsWith("Wfi:TokenSigningKey holds a development value", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sms:NumberKeySecret holds a development value", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sms:Acs:EventGridKey holds a development value", StringComparison.Ordinal));
        Assert.Equal(template.Count, problems.Count);
    }

    [Fact]
    public void A_development_value_copied_into_another_secret_or_kept_in_a_rotation_list_is_refused()
    {
        var configuration = Settings(
            ("Wfi:TokenSigningKey", DevelopmentSecrets.ValueOf("Sms:NumberKeySecret")!),
            ("Sms:NumberKeySecret", RealKey),
            ("Sms:Acs:EventGridKey", $"{RealKey}, local-event-grid-key"));

        var problems = Problems(configuration, localDevelopment: false);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Wfi:TokenSigningKey holds a development value", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sms:Acs:EventGridKey holds a development value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_provider_secret_is_required_only_when_the_provider_is_used()
    {
        var without = Settings(("Wfi:TokenSigningKey", RealKey), ("Sms:NumberKeySecret", RealKey), ("Sms:Providers", ""));
        var with = Settings(("Wfi:TokenSigningKey", RealKey), ("Sms:NumberKeySecret", RealKey), ("Sms:Providers", "acs, Twilio"));

        Assert.Empty(Problems(without, localDevelopment: false));
        var problems = Problems(with, localDevelopment: false);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Sms:Twilio:AuthToken is empty but required (Sms:Providers includes twilio)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sms:Acs:ConnectionString is empty but required (Sms:Providers includes acs)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_entry_checks_every_setting_under_it()
    {
        SecretSetting[] registry = [SecretSetting.Optional("Offices:Keys:*", "that office's key matches nothing")];
        var configuration = Settings(("Offices:Keys:jcp-lambeth", RealKey), ("Offices:Keys:jcp-ealing", Reference), ("Offices:AdminKeySha256", Reference));

        var problem = Assert.Single(SecretCheck.Problems(configuration, registry, localDevelopment: false, DevelopmentSecrets.KnownValues));

        Assert.StartsWith("Offices:Keys:jcp-ealing is an unresolved Key Vault reference", problem, StringComparison.Ordinal);
        Assert.True(registry[0].Matches("offices:keys:jcp-somerset"));
        Assert.False(registry[0].Matches("Offices:Keys"));
        Assert.False(registry[0].Matches("Offices:Keys:a:b"));
    }

    [Fact]
    public void A_required_section_with_no_setting_under_it_is_refused_by_its_name()
    {
        SecretSetting[] registry = [SecretSetting.Required("Roles:Keys:*", "every role needs a key")];

        var problem = Assert.Single(SecretCheck.Problems(Settings(), registry, localDevelopment: true, DevelopmentSecrets.KnownValues));

        Assert.StartsWith("Roles:Keys:* is empty but required", problem, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Problems(IConfiguration configuration, bool localDevelopment) =>
        SecretCheck.Problems(configuration, SecretSettings.All, localDevelopment, DevelopmentSecrets.KnownValues);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
