using static LlmOrleans.Deploy.Tests.Kustomization;

namespace LlmOrleans.Deploy.Tests;

public sealed class KubernetesWorkloadTests
{
    public static TheoryData<string, string> Apps => new()
    {
        { "llm-orleans-silo", "deploy/Dockerfile.silo" },
        { "llm-orleans-gateway", "deploy/Dockerfile.gateway" },
    };

    [Fact]
    public void Base_ListsFilesThatExist_EachAResourceWithKindAndName()
    {
        Assert.All(Resources, r => Assert.True(Repo.Exists(r), $"{r} is listed but missing"));
        Assert.All(Manifests, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.At("apiVersion").Text()));
            Assert.False(string.IsNullOrEmpty(m.At("kind").Text()));
            Assert.False(string.IsNullOrEmpty(m.At("metadata", "name").Text()));
        });
        var unlisted = Directory.EnumerateFiles(Repo.PathOf(Base), "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml" && !Resources.Any(r => r.EndsWith("/" + f, StringComparison.Ordinal)));
        Assert.Empty(unlisted);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Probes_CallTheHealthEndpoints_OnThePortTheAppListensOn(string deployment, string dockerfile)
    {
        var container = Container(deployment);
        var appPort = DockerfileTests.HttpPort(dockerfile);

        Assert.Equal("/health/live", container.At("livenessProbe", "httpGet", "path").Text());
        Assert.Equal("/health/ready", container.At("readinessProbe", "httpGet", "path").Text());
        Assert.Equal("/health/live", container.At("startupProbe", "httpGet", "path").Text());
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.Equal(appPort, ContainerPort(container, container.At(probe, "httpGet", "port").Text()!));
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Containers_RequestCpuAndMemory_AndRunAsNonRoot(string deployment, string _)
    {
        var container = Container(deployment);
        Assert.NotNull(container.At("resources", "requests").Find("cpu"));
        Assert.NotNull(container.At("resources", "requests").Find("memory"));
        Assert.NotNull(container.At("resources", "limits").Find("memory"));
        Assert.Equal("true", PodSpec(deployment).At("securityContext", "runAsNonRoot").Text());
        Assert.Equal("false", container.At("securityContext", "allowPrivilegeEscalation").Text());
    }

    [Fact]
    public void Silo_AdvertisesItsPodIp_AndOpensTheOrleansPortsItIsTold()
    {
        var container = Container("llm-orleans-silo");
        var env = container.At("env").Items().ToDictionary(e => e.At("name").Text()!);

        Assert.Equal("status.podIP", env["ORLEANS_ADVERTISED_IP"].At("valueFrom", "fieldRef", "fieldPath").Text());
        Assert.Equal(int.Parse(env["ORLEANS_SILO_PORT"].At("value").Text()!), ContainerPort(container, "orleans-silo"));
        Assert.Equal(int.Parse(env["ORLEANS_GATEWAY_PORT"].At("value").Text()!), ContainerPort(container, "orleans-gateway"));
    }

    [Fact]
    public void Silo_GraceOnTermination_ExceedsItsDefaultShutdownTimeout()
    {
        // The silo's host shutdown timeout is SHUTDOWN_GRACE_PERIOD (30 s by default) + 30 s.
        Assert.True(int.Parse(PodSpec("llm-orleans-silo").At("terminationGracePeriodSeconds").Text()!) > 60);
    }

    [Fact]
    public void SiloCount_IsOwnedByTheHpa_WithinTheTopicPartitions()
    {
        var hpa = Manifest("HorizontalPodAutoscaler", "llm-orleans-silo");
        Assert.Equal("Deployment", hpa.At("spec", "scaleTargetRef", "kind").Text());
        Assert.Equal("llm-orleans-silo", hpa.At("spec", "scaleTargetRef", "name").Text());
        Assert.Equal("cpu", Assert.Single(hpa.At("spec", "metrics").Items()).At("resource", "name").Text());
        Assert.Null(Deployment("llm-orleans-silo").At("spec").Find("replicas"));

        var maxReplicas = int.Parse(hpa.At("spec", "maxReplicas").Text()!);
        Assert.True(maxReplicas <= int.Parse(Config["KAFKA_TOPIC_PARTITIONS"]), "a silo beyond the partition count consumes nothing");
        Assert.True(int.Parse(hpa.At("spec", "minReplicas").Text()!) >= 2);
    }

    [Theory]
    [InlineData("llm-orleans-silo")]
    [InlineData("llm-orleans-gateway")]
    public void DisruptionBudget_SelectsThePods_AndAllowsOneDown(string deployment)
    {
        var pdb = Manifest("PodDisruptionBudget", deployment);
        Assert.Equal(PodLabels(deployment), Labels(pdb.At("spec", "selector", "matchLabels")));
        Assert.Equal("1", pdb.At("spec").Find("maxUnavailable").Text());
    }

    [Theory]
    [InlineData("llm-orleans-gateway", "llm-orleans-gateway")]
    [InlineData("llm-orleans-dashboard", "llm-orleans-silo")]
    public void Service_SelectsThePods_AndTargetsTheirHttpPort(string service, string deployment)
    {
        var manifest = Manifest("Service", service);
        Assert.All(Labels(manifest.At("spec", "selector")), label => Assert.Equal(label.Value, PodLabels(deployment)[label.Key]));

        var target = Assert.Single(manifest.At("spec", "ports").Items()).At("targetPort").Text()!;
        Assert.Equal(8080, ContainerPort(Container(deployment), target));
    }

    [Fact]
    public void Deployments_SelectTheirOwnPodLabels()
    {
        foreach (var deployment in OfKind("Deployment"))
        {
            var name = deployment.At("metadata", "name").Text()!;
            Assert.All(Labels(deployment.At("spec", "selector", "matchLabels")), label => Assert.Equal(label.Value, PodLabels(name)[label.Key]));
        }
    }
}
