using System.Diagnostics;
using System.Globalization;
using LlmOrleans.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOrleans.Bench.Targets;

/// <summary>The system under test: a running gateway, or the whole pipeline started in this process.</summary>
public sealed class BenchTarget : IAsyncDisposable
{
    private readonly LocalPipeline? _pipeline;

    private BenchTarget(Uri gateway, string? kafka, double? providerLatencyMs, string description, LocalPipeline? pipeline)
    {
        Gateway = gateway;
        KafkaBootstrapServers = kafka;
        ProviderLatencyMs = providerLatencyMs;
        Description = description;
        _pipeline = pipeline;
    }

    /// <summary>The gateway's base address.</summary>
    public Uri Gateway { get; }

    /// <summary>Where to read llm.responses; null when unknown.</summary>
    public string? KafkaBootstrapServers { get; }

    /// <summary>The echo provider's latency when known, to take off end-to-end figures.</summary>
    public double? ProviderLatencyMs { get; }

    /// <summary>One line saying what runs where.</summary>
    public string Description { get; }

    /// <summary>Whether gateway and silo run in this process (its memory is then the whole system's).</summary>
    public bool Embedded => _pipeline is not null;

    public static async Task<BenchTarget> StartAsync(TargetOptions options)
    {
        if (options.Url is { } url)
        {
            return new BenchTarget(url, options.Kafka, options.EchoLatencyMs, $"gateway at {url}", null);
        }

        var clock = Stopwatch.StartNew();
        var echoLatency = options.EchoLatencyMs ?? 0;
        var local = new LocalPipelineOptions
        {
            GatewayUrl = "http://127.0.0.1:0",
            SiloUrl = "http://127.0.0.1:0",
            ExternalRedis = options.Redis,
        };
        local.Settings["ECHO_LATENCY_MS"] = echoLatency.ToString(CultureInfo.InvariantCulture);
        local.Settings["Logging:LogLevel:Default"] = options.HostLogLevel;
        foreach (var (key, value) in options.Settings)
        {
            local.Settings[key] = value;
        }

        var pipeline = await LocalPipeline.StartAsync(local, []);
        var gateway = ServerAddress.Of(pipeline.GatewayServices);
        var redis = options.Redis is { } r ? $"redis-server {r.Host}:{r.Port}" : "embedded Garnet";
        var description = $"embedded (silo + gateway in this process, mock Kafka, {redis}, ECHO_LATENCY_MS={echoLatency}), " +
                          $"started in {clock.Elapsed.TotalSeconds:0.0} s";
        return new BenchTarget(gateway, pipeline.BootstrapServers, echoLatency, description, pipeline);
    }

    /// <summary>A copy of the embedded silo's configuration (it outlives the hosts); null for a target given by URL.</summary>
    public IReadOnlyDictionary<string, string?>? SiloConfiguration() =>
        _pipeline?.SiloServices.GetRequiredService<IConfiguration>().AsEnumerable().ToDictionary(e => e.Key, e => e.Value);

    /// <summary>Active <c>LlmJobGrain</c>s across the cluster, when the pipeline runs in this process; else null.</summary>
    public async Task<int?> JobGrainActivationsAsync()
    {
        if (_pipeline is null)
        {
            return null;
        }

        var management = _pipeline.SiloServices.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("LlmJobGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }
}
