using Microsoft.Extensions.Configuration;

namespace Pilot.Shared.Secrets;

/// <summary>
/// Which secret settings the app must not start with, each named with what to do: a required one that is empty,
/// any one that is still an unresolved Key Vault reference, and, outside local development, any one holding a
/// development value (a value from the settings template or the runner's defaults).
/// </summary>
public static class SecretCheck
{
    public static IReadOnlyList<string> Problems(
        IConfiguration configuration, IEnumerable<SecretSetting> settings, bool localDevelopment, IReadOnlySet<string> developmentValues)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(developmentValues);
        var problems = new List<string>();
        foreach (var setting in settings)
        {
            var values = setting.ValuesIn(configuration).ToList();
            if (setting.IsRequired(configuration) && (values.Count == 0 || values.All(v => string.IsNullOrWhiteSpace(v.Value))))
            {
                problems.Add($"{(setting.IsSection ? setting.Name : values[0].Key)} is empty but required ({setting.WhenEmpty}): set it; in Azure, set the Key Vault secret its reference names (docs/operations.md, \"Configuring providers and secrets\").");
                continue;
            }

            foreach (var (name, value) in values.Where(v => !string.IsNullOrWhiteSpace(v.Value)))
            {
                if (SecretValue.IsUnresolvedKeyVaultReference(value))
                {
                    problems.Add($"{name} is an unresolved Key Vault reference: its value still starts with {SecretValue.KeyVaultReferencePrefix}, so the secret it names does not exist or the app's identity cannot read it. Create the secret (or grant Key Vault Secrets User), check the reference's status in the portal (Function App, Environment variables), then restart the app.");
                }
                else if (!localDevelopment && IsDevelopmentValue(value!, developmentValues))
                {
                    problems.Add($"{name} holds a development value (from local.settings.template.json or the local runner's appsettings.json), and this is not local development: set a real secret of its own.");
                }
            }
        }

        return problems;
    }

    /// <summary>The whole value, or one of its comma-separated parts (a key being rotated, <c>new,old</c>), is a development value.</summary>
    private static bool IsDevelopmentValue(string value, IReadOnlySet<string> developmentValues) =>
        developmentValues.Contains(value.Trim())
        || value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(developmentValues.Contains);
}
