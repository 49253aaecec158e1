using YamlDotNet.RepresentationModel;
using static LlmOrleans.Deploy.Tests.Kustomization;

namespace LlmOrleans.Deploy.Tests;

public sealed class KubernetesConfigTests
{
    [Fact]
    public void EveryEnvironmentName_IsReadByTheApps()
    {
        var names = Config.Keys
            .Concat(Secrets.Keys)
            .Concat(OfKind("Deployment").SelectMany(Containers).SelectMany(c => c.Find("env").Items()).Select(e => e.At("name").Text()!));
        Assert.Empty(AppSettings.NotRead(names));
    }

    [Fact]
    public void Deployments_ReadTheConfig_AndOnlyTheSilosGetProviderKeys()
    {
        var silo = Container("llm-orleans-silo");
        var gateway = Container("llm-orleans-gateway");

        Assert.Equal(["llm-orleans-config", "llm-orleans-secrets"],
            silo.At("envFrom").Items().Select(e => (e.Find("configMapRef") ?? e.At("secretRef")).At("name").Text()));
        Assert.Equal("llm-orleans-config", Assert.Single(gateway.At("envFrom").Items()).At("configMapRef", "name").Text());

        var secretRefs = gateway.At("env").Items().Select(e => e.Find("valueFrom")?.Find("secretKeyRef")).OfType<YamlMappingNode>();
        var redis = Assert.Single(secretRefs);
        Assert.Equal("llm-orleans-secrets", redis.At("name").Text());
        Assert.Equal("REDIS_PASSWORD", redis.At("key").Text());
    }

    [Fact]
    public void Secret_HoldsEmptyPlaceholdersOnly()
    {
        Assert.Equal(["GROQ_API_KEY", "OPENAI_API_KEY", "REDIS_PASSWORD"], Secrets.Keys.Order());
        Assert.All(Secrets.Values, value => Assert.Equal("", value));
        Assert.All(EnvFile.Read("deploy/k8s/overlays/example/secrets.env.example").Values, value => Assert.Equal("", value));
        Assert.Contains("secrets.env", Repo.Read("deploy/k8s/overlays/example/.gitignore").Split('\n'));
    }

    [Fact]
    public void Config_SetsProductionReplicationForTopicsTheAppsCreate()
    {
        Assert.Equal("3", Config["KAFKA_REPLICATION_FACTOR"]);
        Assert.False(string.IsNullOrEmpty(Config["KAFKA_BOOTSTRAP_SERVERS"]));
        Assert.False(string.IsNullOrEmpty(Config["REDIS_HOST"]));
    }

    [Fact]
    public void ExampleOverlay_BuildsOnTheBase_MergesConfigAndReplacesTheSecrets()
    {
        var overlay = Yaml.Load("deploy/k8s/overlays/example/kustomization.yaml");
        var baseSecrets = Yaml.Load("deploy/k8s/base/kustomization.yaml").At("secretGenerator").Items().Select(s => s.At("name").Text()).Order();
        Assert.Contains("../../base", overlay.At("resources").Items().Select(i => i.Text()));

        var secrets = overlay.At("secretGenerator").Items().ToList();
        Assert.Equal(baseSecrets, secrets.Select(s => s.At("name").Text()).Order());
        Assert.All(secrets, s => Assert.Equal("replace", s.At("behavior").Text()));

        var config = Assert.Single(overlay.At("configMapGenerator").Items());
        Assert.Equal("llm-orleans-config", config.At("name").Text());
        Assert.Equal("merge", config.At("behavior").Text());
        Assert.Empty(AppSettings.NotRead(config.At("literals").Items().Select(l => l.Text()!.Split('=')[0])));

        var baseImages = OfKind("Deployment").SelectMany(Containers).Select(c => c.At("image").Text()).Order();
        Assert.Equal(baseImages, overlay.At("images").Items().Select(i => i.At("name").Text()).Order());
    }
}
