using Pilot.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Pilot.Infra.Tests.Workflows;

/// <summary>A YAML file of the repository (a GitHub workflow, azure.yaml), parsed with YamlDotNet.</summary>
public sealed class WorkflowFile
{
    public WorkflowFile(string relativePath)
    {
        Path = relativePath;
        Text = File.ReadAllText(Repository.PathOf(relativePath));
        var stream = new YamlStream();
        stream.Load(new StringReader(Text));
        Root = (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public string Path { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, YamlMappingNode> Jobs =>
        Map(Root, "jobs")?.Children.ToDictionary(j => j.Key.ToString(), j => (YamlMappingNode)j.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, YamlMappingNode>();

    public IEnumerable<YamlMappingNode> Steps =>
        Jobs.Values.SelectMany(j => (j.Children.TryGetValue("steps", out var steps) ? (YamlSequenceNode)steps : []).Cast<YamlMappingNode>());

    public static YamlMappingNode? Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? value as YamlMappingNode : null;

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
