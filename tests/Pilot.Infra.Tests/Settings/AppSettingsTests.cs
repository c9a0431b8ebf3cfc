using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilot.Infra.Tests.Arm;
using Pilot.Shared;

namespace Pilot.Infra.Tests.Settings;

/// <summary>
/// The Function App's app settings in the compiled Bicep match what the code reads: a setting added to
/// an options class or a trigger without its line in infra/bicep/modules/function-app.bicep fails here.
/// </summary>
[Collection(SharedCompiledTemplate.Name)]
public sealed class AppSettingsTests(CompiledTemplate template)
{
    private const string BicepFile = "infra/bicep/modules/function-app.bicep";

    [Fact]
    public void Every_setting_the_code_reads_is_an_app_setting_in_the_bicep()
    {
        var appSettings = template.AppSettings();
        var missing = CodeSettings.All()
            .Where(s => !NotInBicep.Settings.ContainsKey(s.Name))
            .Where(s => s.IsList
                ? !appSettings.Keys.Any(k => k.StartsWith(s.AppSettingName + "__", StringComparison.Ordinal))
                : !appSettings.ContainsKey(s.AppSettingName))
            .Select(s => $"{s.AppSettingName}{(s.IsList ? "__0" : "")} (read by {s.Source})")
            .ToList();
        Assert.True(missing.Count == 0, $"Add these to the appSettings object in {BicepFile} (a Key Vault reference for a secret):\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public void Every_app_setting_in_the_bicep_is_read_by_the_code_or_the_platform()
    {
        var known = CodeSettings.All().Select(s => s.AppSettingName).ToList();
        var unknown = template.AppSettings().Keys
            .Where(k => !NotInBicep.PlatformSettings.Contains(k))
            .Where(k => !known.Any(s => k == s || k.StartsWith(s + "__", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unknown.Count == 0, $"{BicepFile} sets app settings no code reads (a typo, or a setting that was removed): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Settings_are_found_in_options_classes_nested_options_and_trigger_attributes()
    {
        var settings = CodeSettings.All().ToDictionary(s => s.Name, s => s.Source, StringComparer.Ordinal);
        Assert.Contains("Reminders:MaxMinutesPerTick", settings.Keys);
        Assert.Contains("Sms:QuietHoursStart", settings.Keys);
        Assert.Contains("Sms:Acs:From", settings.Keys);
        // WebhookOptions.Twilio.AuthToken: a nested options object.
        Assert.Contains("Sms:Twilio:AuthToken", settings.Keys);
        Assert.Contains(CodeSettings.FromTriggers(), s => s.Name == "Reminders:SendQueue" && s.Source.Contains("QueueTrigger", StringComparison.Ordinal));
        Assert.Contains(CodeSettings.FromTriggers(), s => s.Name == "Reminders:DispatchSchedule" && s.Source.Contains("TimerTrigger", StringComparison.Ordinal));
        // Computed, get-only properties are not settings.
        Assert.DoesNotContain(settings.Keys, k => k.EndsWith(":QuietHours", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_kept_out_of_the_bicep_still_exist_in_the_code_and_are_not_in_the_bicep()
    {
        var settings = CodeSettings.All().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var appSettings = template.AppSettings();
        foreach (var name in NotInBicep.Settings.Keys)
        {
            Assert.True(settings.Contains(name), $"NotInBicep lists {name}, which no code reads any more: remove it from the list.");
            Assert.False(appSettings.ContainsKey(name.Replace(":", "__", StringComparison.Ordinal)), $"{name} is listed as not for Bicep but {BicepFile} sets it.");
        }
    }

    [Fact]
    public void Every_options_class_the_app_binds_declares_its_section_so_its_settings_are_found()
    {
        // Both providers on, so their options are registered too.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:Providers"] = "twilio,acs",
            ["Sms:Twilio:AccountSid"] = "AC00000000000000000000000000000000",
            ["Sms:Twilio:AuthToken"] = "token",
            ["Sms:Twilio:From"] = "+447700900000",
            ["Sms:Acs:ConnectionString"] = "endpoint=https://pilot.communication.azure.com/;accesskey=AAAA",
            ["Sms:Acs:From"] = "+447700900001",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPilot(configuration);
        var bound = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => CodeSettings.AppAssemblies.Contains(t.Assembly))
            .Distinct()
            .ToList();
        var declared = CodeSettings.OptionsClasses().Select(o => o.Type).ToHashSet();

        Assert.NotEmpty(bound);
        var undeclared = bound.Where(t => !declared.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(undeclared.Count == 0, $"Options classes bound without a `public const string {CodeSettings.SectionFieldName}` (so their settings cannot be checked against the Bicep): {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void Every_secret_the_app_checks_at_start_up_is_a_key_vault_reference_in_the_bicep()
    {
        var appSettings = template.AppSettings();
        foreach (var secret in Pilot.Shared.Secrets.SecretSettings.All)
        {
            var prefix = secret.IsSection ? secret.Name[..^1].Replace(":", "__", StringComparison.Ordinal) : null;
            var names = secret.IsSection
                ? appSettings.Keys.Where(k => k.StartsWith(prefix!, StringComparison.Ordinal)).ToList()
                : [secret.Name.Replace(":", "__", StringComparison.Ordinal)];
            Assert.NotEmpty(names);
            foreach (var name in names)
            {
                Assert.True(appSettings.TryGetValue(name, out var value), $"{secret.Name} is a secret the app checks at start-up but {BicepFile} does not set {name}");
                Assert.Contains("@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Provider_secrets_are_key_vault_references_never_values()
    {
        var appSettings = template.AppSettings();
        var secrets = CodeSettings.All().Where(s => Secrets.LooksSecret(s.Name)).ToList();
        Assert.Contains(secrets, s => s.Name == "Sms:Twilio:AuthToken");
        Assert.Contains(secrets, s => s.Name == "Sms:Acs:ConnectionString");
        foreach (var secret in secrets.Where(s => appSettings.ContainsKey(s.AppSettingName)))
        {
            Assert.True(
                appSettings[secret.AppSettingName].Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal),
                $"{secret.AppSettingName} is a secret: its value must be a Key Vault reference, not {appSettings[secret.AppSettingName]}");
        }
    }
}
