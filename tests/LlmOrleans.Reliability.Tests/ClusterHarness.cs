using LlmOrleans.LocalInfra;
using LlmOrleans.Testing;

namespace LlmOrleans.Reliability.Tests;

/// <summary>
/// A cluster of real processes on loopback: silos and gateways started from their build output, sharing
/// a real redis-server and an embedded Kafka-protocol broker that lives in the test process.
/// </summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    private readonly List<NodeProcess> _nodes = [];
    private readonly Dictionary<string, string> _environment;

    private ClusterHarness(EmbeddedKafkaBroker broker, RedisServer redis, IReadOnlyDictionary<string, string> settings)
    {
        Broker = broker;
        Redis = redis;
        _environment = new Dictionary<string, string>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = broker.BootstrapServers,
            ["KAFKA_SESSION_TIMEOUT_MS"] = "6000",
            ["KAFKA_FETCH_WAIT_MAX_MS"] = "5",
            ["REDIS_HOST"] = "127.0.0.1",
            ["REDIS_PORT"] = redis.Port.ToString(),
            ["ORLEANS_SERVICE_ID"] = $"reliability-{Guid.NewGuid():N}",
            ["ORLEANS_CLUSTER_ID"] = "reliability",
            ["AUTH_MODE"] = "none",
            ["ORLEANS_ADVERTISED_IP"] = "127.0.0.1",
            ["ORLEANS_SILO_PORT"] = "0",
            ["ORLEANS_GATEWAY_PORT"] = "0",
            ["JOB_WATCHDOG_PERIOD"] = "5",
            ["LLM_BACKOFF_BASE"] = "0.05",
            ["SHUTDOWN_GRACE_PERIOD"] = "20",
            // The tests count finished jobs per silo from these (Debug) lines.
            ["Logging__LogLevel__LlmOrleans.Grains.LlmJobGrain"] = "Debug",
        };
        foreach (var (key, value) in settings)
        {
            _environment[key] = value;
        }
    }

    public EmbeddedKafkaBroker Broker { get; }

    public RedisServer Redis { get; }

    /// <summary>Starts the broker (topics with <paramref name="partitions"/> partitions) and redis-server.</summary>
    public static async Task<ClusterHarness> StartAsync(IReadOnlyDictionary<string, string> settings, int partitions = 6)
    {
        var broker = EmbeddedKafkaBroker.Start();
        foreach (var topic in new[] { "llm.requests", "llm.responses", "llm.dlq" })
        {
            broker.CreateTopic(topic, partitions);
        }

        return new ClusterHarness(broker, await RedisServer.StartAsync(), settings);
    }

    /// <summary>Starts a silo process and waits until it is ready and consuming.</summary>
    public async Task<NodeProcess> StartSiloAsync(string name)
    {
        var silo = Start(name, "Silo", "LlmOrleans.Silo.dll");
        await Eventually.TrueAsync(() => Task.FromResult(silo.CountLines("Consuming llm.requests") > 0 || silo.HasExited),
            TimeSpan.FromSeconds(60), $"{name} to start consuming");
        return silo.HasExited ? throw new InvalidOperationException($"{name} exited: {string.Join('\n', silo.Lines)}") : silo;
    }

    /// <summary>Starts a gateway process and waits until its API answers.</summary>
    public async Task<NodeProcess> StartGatewayAsync(string name, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var gateway = Start(name, "Gateway", "LlmOrleans.Gateway.dll", overrides);
        using var http = new HttpClient { BaseAddress = gateway.Url };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/health/live")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), $"{name} to answer");
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
        Broker.Dispose();
    }

    private NodeProcess Start(string name, string project, string dll, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var node = NodeProcess.Start(name, BuildOutput(project, dll), new Uri($"http://127.0.0.1:{FreePort.Next()}"), environment);
        _nodes.Add(node);
        return node;
    }

    /// <summary>The app's own build output, in the configuration these tests were built in.</summary>
    private static string BuildOutput(string project, string dll)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LlmOrleans.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, project, "bin", configuration, framework, dll);
    }
}
