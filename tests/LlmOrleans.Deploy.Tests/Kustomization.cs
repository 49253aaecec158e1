using YamlDotNet.RepresentationModel;

namespace LlmOrleans.Deploy.Tests;

/// <summary>The kustomize base in deploy/k8s/base: its manifests and generated ConfigMap and Secret.</summary>
internal static class Kustomization
{
    public const string Base = "deploy/k8s/base";

    public static YamlMappingNode File { get; } = Yaml.Load($"{Base}/kustomization.yaml");

    public static IReadOnlyList<string> Resources { get; } =
        File.At("resources").Items().Select(i => $"{Base}/{i.Text()}").ToList();

    public static IReadOnlyList<YamlMappingNode> Manifests { get; } = Resources.SelectMany(Yaml.LoadAll).ToList();

    public static IReadOnlyDictionary<string, string> Config => Generated("configMapGenerator", "llm-orleans-config");

    public static IReadOnlyDictionary<string, string> Secrets => Generated("secretGenerator", "llm-orleans-secrets");

    public static YamlMappingNode Manifest(string kind, string name) =>
        Manifests.Single(m => m.At("kind").Text() == kind && m.At("metadata", "name").Text() == name);

    public static IEnumerable<YamlMappingNode> OfKind(string kind) => Manifests.Where(m => m.At("kind").Text() == kind);

    public static YamlMappingNode Deployment(string name) => Manifest("Deployment", name);

    public static YamlNode PodSpec(string deployment) => Deployment(deployment).At("spec", "template", "spec");

    public static IEnumerable<YamlNode> Containers(YamlNode deployment) => deployment.At("spec", "template", "spec", "containers").Items();

    public static YamlNode Container(string deployment) => Assert.Single(Containers(Deployment(deployment)));

    public static Dictionary<string, string> PodLabels(string deployment) =>
        Labels(Deployment(deployment).At("spec", "template", "metadata", "labels"));

    public static Dictionary<string, string> Labels(YamlNode node) => node.Entries().ToDictionary(e => e.Key, e => e.Value.Text()!);

    /// <summary>The number of a container port given by name or number.</summary>
    public static int ContainerPort(YamlNode container, string port)
    {
        if (int.TryParse(port, out var number))
        {
            Assert.Contains(container.At("ports").Items(), p => p.At("containerPort").Text() == port);
            return number;
        }

        return int.Parse(container.At("ports").Items().Single(p => p.Find("name").Text() == port).At("containerPort").Text()!);
    }

    /// <summary>The env file behind a configMapGenerator or secretGenerator entry.</summary>
    private static IReadOnlyDictionary<string, string> Generated(string generator, string name)
    {
        var entry = File.At(generator).Items().Single(g => g.At("name").Text() == name);
        return Assert.Single(entry.At("envs").Items().Select(e => EnvFile.Read($"{Base}/{e.Text()}")));
    }
}
