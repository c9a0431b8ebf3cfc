using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Pilot.LocalRunner.Configuration;

/// <summary>
/// The <c>Values</c> (and <c>ConnectionStrings</c>) of a Core Tools <c>local.settings.json</c>, as
/// flat configuration keys.
/// </summary>
internal sealed class LocalSettingsConfigurationProvider(string path) : ConfigurationProvider
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, JsonOptions);
            var root = document.RootElement;
            if (root.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var setting in values.EnumerateObject())
                {
                    data[Normalise(setting.Name)] = ValueOf(setting.Value);
                }
            }

            if (root.TryGetProperty("ConnectionStrings", out var connectionStrings) && connectionStrings.ValueKind == JsonValueKind.Object)
            {
                foreach (var connection in connectionStrings.EnumerateObject())
                {
                    var value = connection.Value.ValueKind == JsonValueKind.Object && connection.Value.TryGetProperty("ConnectionString", out var inner)
                        ? inner
                        : connection.Value;
                    data[ConfigurationPath.Combine("ConnectionStrings", connection.Name)] = ValueOf(value);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new LocalRunnerStartupException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        Data = data;
    }

    // Core Tools hands Values to the worker as environment variables, where "__" separates sections.
    private static string Normalise(string key) => key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    private static string? ValueOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };
}
