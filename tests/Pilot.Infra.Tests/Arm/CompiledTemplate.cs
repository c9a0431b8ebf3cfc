using System.Text.Json.Nodes;
using Pilot.Infra.Tests.Support;

namespace Pilot.Infra.Tests.Arm;

/// <summary>
/// infra/bicep/main.bicep compiled to ARM JSON by the Bicep CLI, with the resources of every module
/// (nested deployments) flattened into one list. Built once per test class.
/// </summary>
public sealed class CompiledTemplate
{
    public CompiledTemplate()
    {
        var result = BicepCli.Run("build", Repository.PathOf("infra", "bicep", "main.bicep"), "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build main.bicep failed:\n{result.Errors}");
        }

        Root = JsonNode.Parse(result.Output)!.AsObject();
        var resources = new List<ArmResource>();
        Collect(Root, module: "main", resources);
        Resources = resources;
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource One(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    /// <summary>The Function App's app settings: names and their (ARM expression) values.</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var config = OfType("Microsoft.Web/sites/config").Single(r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
        var properties = config.Properties;
        return properties.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
    }

    private static void Collect(JsonObject template, string module, List<ArmResource> into)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            // languageVersion 2.0 templates keep resources as an object keyed by symbolic name.
            JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var type = (string?)resource["type"] ?? "";
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, (string?)resource["name"] ?? module, into);
                continue;
            }

            var properties = resource["properties"];
            // `properties: someVariable` compiles to "[variables('someVariable')]": read the variable.
            if (properties is JsonValue value && value.ToString() is var text && text.StartsWith("[variables('", StringComparison.Ordinal))
            {
                var name = text["[variables('".Length..text.IndexOf("')", StringComparison.Ordinal)];
                properties = template["variables"]?[name];
            }

            into.Add(new ArmResource(module, type, ((string?)resource["name"]) ?? "", resource, properties ?? new JsonObject(), template["variables"] as JsonObject ?? []));
        }
    }
}

/// <param name="Variables">The variables of the (module) template the resource is declared in.</param>
public sealed record ArmResource(string Module, string Type, string Name, JsonObject Json, JsonNode Properties, JsonObject Variables)
{
    public string? Text(string path)
    {
        JsonNode? node = Properties;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node?.ToString();
    }
}
