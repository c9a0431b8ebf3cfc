using System.Text.Json;

namespace Pilot.Shared.Secrets;

/// <summary>
/// The development values of the secret settings, read from the two files that hold them, embedded as they are
/// (so this list cannot drift from them): the settings template <c>src/Functions/local.settings.template.json</c>
/// and the local runner's defaults <c>src/LocalRunner/appsettings.json</c>. Outside local development a secret
/// holding one of these stops the app (<see cref="SecretCheck"/>).
/// </summary>
public static class DevelopmentSecrets
{
    public const string TemplateResource = "Pilot.Shared.Secrets.Data.local.settings.template.json";
    public const string RunnerDefaultsResource = "Pilot.Shared.Secrets.Data.runner-appsettings.json";

    private static readonly Lazy<IReadOnlyList<KeyValuePair<string, string>>> Settings = new(Load);

    /// <summary>Every non-empty value of a secret setting (by <see cref="SecretSettings.All"/>) in either file.</summary>
    public static IReadOnlySet<string> KnownValues { get; } = new HashSet<string>(
        Settings.Value.Where(s => SecretSettings.All.Any(secret => secret.Matches(s.Key))).Select(s => s.Value),
        StringComparer.Ordinal);

    /// <summary>The development value of one secret setting (template first), for local runs and tests; null when neither file has one.</summary>
    public static string? ValueOf(string setting) =>
        Settings.Value.Where(s => string.Equals(s.Key, setting, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value).FirstOrDefault();

    /// <summary>Both files' settings, flattened to <c>A:B:C</c> keys (the template's <c>Values</c>, then the runner's), empty values left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All => Settings.Value;

    private static List<KeyValuePair<string, string>> Load()
    {
        var settings = new List<KeyValuePair<string, string>>();
        using (var template = Read(TemplateResource))
        {
            Flatten(template.RootElement.GetProperty("Values"), "", settings);
        }

        using (var runner = Read(RunnerDefaultsResource))
        {
            Flatten(runner.RootElement, "", settings);
        }

        return settings;
    }

    private static JsonDocument Read(string resource)
    {
        using var stream = typeof(DevelopmentSecrets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing (Pilot.Shared.csproj).");
        return JsonDocument.Parse(stream);
    }

    private static void Flatten(JsonElement element, string prefix, List<KeyValuePair<string, string>> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", into);
            }
        }
        else if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text)
        {
            into.Add(new(prefix, text));
        }
    }
}
