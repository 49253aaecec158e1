using System.Text.RegularExpressions;
using LlmOrleans.Messaging;

namespace LlmOrleans.Deploy.Tests;

public sealed partial class ComposeFileTests
{
    private static readonly string[] AppServices = ["silo", "gateway"];

    [Fact]
    public void Kafka_IsApacheKafkaInKRaftMode_WithoutZooKeeper()
    {
        Assert.StartsWith("apache/kafka:", ComposeFile.Service("kafka").At("image").Text());
        var environment = ComposeFile.Environment("kafka");
        Assert.Equal("broker,controller", environment["KAFKA_PROCESS_ROLES"]);
        Assert.Contains("CONTROLLER", environment["KAFKA_CONTROLLER_LISTENER_NAMES"]);
        Assert.Contains("PLAINTEXT://kafka:9092", environment["KAFKA_ADVERTISED_LISTENERS"]);
        Assert.DoesNotContain(ComposeFile.Services.Keys, s => s.Contains("zookeeper", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(environment.Keys, k => k.Contains("ZOOKEEPER"));
    }

    [Fact]
    public void Kafka_SingleBroker_ReplicatesInternalTopicsOnce()
    {
        var environment = ComposeFile.Environment("kafka");
        Assert.Equal("1", environment["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]);
        Assert.Equal("1", environment["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"]);
        Assert.Equal("1", environment["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"]);
    }

    [Fact]
    public void Silo_HasNoContainerNameAndNoHostPort_SoItCanBeScaled()
    {
        var silo = ComposeFile.Service("silo");
        Assert.Null(silo.Find("container_name"));
        Assert.Null(silo.Find("ports"));
        Assert.Equal("deploy/Dockerfile.silo", silo.At("build", "dockerfile").Text());
    }

    [Fact]
    public void Gateway_PublishesHostPort8000_ToItsHttpPort()
    {
        var gateway = ComposeFile.Service("gateway");
        Assert.Equal("deploy/Dockerfile.gateway", gateway.At("build", "dockerfile").Text());
        var port = Assert.Single(gateway.At("ports").Items()).Text();
        Assert.Equal($"8000:{DockerfileTests.HttpPort("deploy/Dockerfile.gateway")}", port);
    }

    [Fact]
    public void AppServices_StartAfterKafkaAndRedisAreHealthyAndTopicsExist()
    {
        foreach (var service in AppServices)
        {
            var dependsOn = ComposeFile.Service(service).At("depends_on");
            Assert.Equal("service_healthy", dependsOn.At("kafka", "condition").Text());
            Assert.Equal("service_healthy", dependsOn.At("redis", "condition").Text());
            Assert.Equal("service_completed_successfully", dependsOn.At("kafka-init", "condition").Text());
        }
    }

    [Fact]
    public void EveryServiceWaitedOnAsHealthy_HasAHealthCheck()
    {
        var awaited = ComposeFile.Services.Values
            .Select(s => s.Find("depends_on"))
            .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .SelectMany(d => d.Entries())
            .Where(d => d.Value.Find("condition").Text() == "service_healthy")
            .Select(d => d.Key)
            .Distinct();
        foreach (var service in awaited)
        {
            Assert.False(string.IsNullOrEmpty(ComposeFile.HealthCheck(service)), $"{service} is waited on as healthy but has no healthcheck");
        }
    }

    [Fact]
    public void AppHealthChecks_CallTheReadinessEndpointWithTheImageScript()
    {
        foreach (var service in AppServices)
        {
            Assert.Equal("CMD bash /usr/local/bin/healthcheck.sh /health/ready", ComposeFile.HealthCheck(service));
        }

        Assert.Contains("COPY deploy/healthcheck.sh /usr/local/bin/healthcheck.sh", Repo.Read("deploy/Dockerfile.silo"));
        Assert.Contains("COPY deploy/healthcheck.sh /usr/local/bin/healthcheck.sh", Repo.Read("deploy/Dockerfile.gateway"));
    }

    [Fact]
    public void AppEnvironment_SetsOnlySettingsTheAppsRead()
    {
        var names = AppServices.SelectMany(s => ComposeFile.Environment(s).Keys).Distinct();
        Assert.Empty(AppSettings.NotRead(names));
    }

    [Fact]
    public void AppEnvironment_PointsAtTheComposeKafkaAndRedis()
    {
        foreach (var service in AppServices)
        {
            var environment = ComposeFile.Environment(service);
            Assert.Equal("kafka:9092", environment["KAFKA_BOOTSTRAP_SERVERS"]);
            Assert.Equal("redis", environment["REDIS_HOST"]);
        }
    }

    [Fact]
    public void InterpolatedVariables_AreDocumentedInEnvExample_AndReadByTheApps()
    {
        var variables = Interpolation().Matches(Repo.Read(ComposeFile.Path)).Select(m => m.Groups[1].Value).Distinct().ToList();
        var passedThrough = AppServices.SelectMany(s => ComposeFile.Environment(s).Where(e => e.Value is null).Select(e => e.Key));
        var documented = EnvFile.ReadCommented(".env.example").Keys.ToHashSet();

        Assert.NotEmpty(variables);
        Assert.Empty(AppSettings.NotRead(variables));
        Assert.Empty(variables.Concat(passedThrough).Distinct().Where(v => !documented.Contains(v)).Order());
    }

    [Fact]
    public void TopicInit_CreatesTheAppsTopicsAsTheAppsWould()
    {
        var defaults = new KafkaOptions();
        var command = string.Join('\n', ComposeFile.Service("kafka-init").At("command").Items().Select(i => i.Text()));

        Assert.Contains($"${{REQUEST_TOPIC:-{defaults.RequestTopic}}}", command);
        Assert.Contains($"${{RESPONSE_TOPIC:-{defaults.ResponseTopic}}}", command);
        Assert.Contains($"${{DLQ_TOPIC:-{defaults.DlqTopic}}}", command);
        Assert.Contains($"--partitions \"${{KAFKA_TOPIC_PARTITIONS:-{defaults.TopicPartitions}}}\"", command);
        Assert.Contains($"--config max.message.bytes={KafkaClientConfigs.MaxMessageBytes}", command);
        Assert.Contains("--if-not-exists", command);
        foreach (var service in AppServices)
        {
            Assert.Contains($"--replication-factor {ComposeFile.Environment(service)["KAFKA_REPLICATION_FACTOR"]} ", command);
        }

        Assert.Equal("false", ComposeFile.Environment("kafka")["KAFKA_AUTO_CREATE_TOPICS_ENABLE"]);
    }

    [Fact]
    public void Redis_IsPersistentAndHealthChecked()
    {
        var redis = ComposeFile.Service("redis");
        Assert.StartsWith("redis:7", redis.At("image").Text());
        Assert.Contains("--appendonly yes", string.Join(' ', redis.At("command").Items().Select(i => i.Text())));
        Assert.Contains("ping", ComposeFile.HealthCheck("redis"));
    }

    [Fact]
    public void Dashboard_IsProxiedOnAFixedPort_ToTheSilosHttpPort()
    {
        var dashboard = ComposeFile.Service("dashboard");
        var port = Assert.Single(dashboard.At("ports").Items()).Text()!;
        var config = Repo.Read("deploy/compose/dashboard-proxy.conf");

        Assert.Contains($"listen {port.Split(':')[1]};", config);
        Assert.Contains($"http://silo:{DockerfileTests.HttpPort("deploy/Dockerfile.silo")}", config);
        Assert.Contains("resolver 127.0.0.11", config);
        Assert.Contains("location /dashboard", config);
    }

    // ${NAME}, ${NAME:-default}, ${NAME-default}; $$ escapes a literal $ for the container's shell.
    [GeneratedRegex(@"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();
}
