using LlmOrleans.Local;
using LlmOrleans.Testing;
using OpenTelemetry.Trace;

namespace LlmOrleans.Observability.Tests;

/// <summary>
/// The whole pipeline with a real redis-server (so a test can stop it), an embedded Kafka-protocol broker,
/// a silo and a gateway on free loopback ports, and an in-memory trace exporter on both hosts.
/// </summary>
public sealed class ObservedPipelineFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public LocalPipeline Pipeline { get; private set; } = null!;

    /// <summary>The gateway's HTTP API.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The silo's HTTP port: health, metrics, dashboard.</summary>
    public HttpClient Silo { get; private set; } = null!;

    /// <summary>Every span both hosts exported.</summary>
    public ExportedSpans Spans { get; } = new();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        var options = new LocalPipelineOptions
        {
            GatewayUrl = $"http://127.0.0.1:{FreePort.Next()}",
            SiloUrl = $"http://127.0.0.1:{FreePort.Next()}",
            ExternalRedis = ("127.0.0.1", Redis.Port),
            ConfigureTracing = tracing => tracing.AddInMemoryExporter(Spans),
        };
        options.Settings["ORLEANS_SERVICE_ID"] = $"observability-{Guid.NewGuid():N}";
        options.Settings["KAFKA_TOPIC_PARTITIONS"] = "4";

        Pipeline = await LocalPipeline.StartAsync(options, []);
        Gateway = new HttpClient { BaseAddress = new Uri(options.GatewayUrl) };
        Silo = new HttpClient { BaseAddress = new Uri(options.SiloUrl) };
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Silo.Dispose();
        await Pipeline.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
