using YamlDotNet.RepresentationModel;

namespace LlmOrleans.Deploy.Tests;

/// <summary>Loads YAML files of the repository and reads them with YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadAll(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Repo.Read(relative));
        stream.Load(reader);
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    public static YamlMappingNode Load(string relative) => Assert.Single(LoadAll(relative));

    /// <summary>The entries of a mapping, merged mappings first, its own keys winning.</summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlNode node)
    {
        var mapping = Assert.IsType<YamlMappingNode>(node);
        var entries = new Dictionary<string, YamlNode>();
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged))
        {
            var sources = merged is YamlSequenceNode list ? list.Children : [merged];
            foreach (var (key, value) in sources.SelectMany(s => s.Entries()))
            {
                entries[key] = value;
            }
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != "<<")
            {
                entries[name] = value;
            }
        }

        return entries;
    }

    public static YamlNode? Find(this YamlNode node, string key) => node.Entries().GetValueOrDefault(key);

    public static YamlNode At(this YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => current.Find(key) ?? throw new KeyNotFoundException($"No '{key}' in {string.Join('.', path)}"));

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => (node as YamlSequenceNode)?.Children ?? [];
}
