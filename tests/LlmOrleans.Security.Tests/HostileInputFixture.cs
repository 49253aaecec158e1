using System.Net;
using LlmOrleans.Local;
using LlmOrleans.Messaging;
using LlmOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Security.Tests;

/// <summary>
/// The whole pipeline the hostile-input tests attack: embedded Kafka-protocol broker, a real redis-server,
/// a silo and a gateway on free loopback ports. Tracing is on, as in production with an OTLP endpoint,
/// so the trace-context headers of consumed messages are read too.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    /// <summary>Partitions of every topic, so consumer tests can hit each one.</summary>
    public const int Partitions = 4;

    private RedisServer? _redis;

    public LocalPipeline Pipeline { get; private set; } = null!;

    /// <summary>A client of the gateway.</summary>
    public HttpClient Http { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri SiloUrl { get; private set; } = null!;

    public string BootstrapServers => Pipeline.BootstrapServers;

    public KafkaOptions Kafka => Pipeline.GatewayServices.GetRequiredService<IOptions<KafkaOptions>>().Value;

    public JobRequestLimits Limits => Pipeline.GatewayServices.GetRequiredService<IOptions<JobRequestLimits>>().Value;

    public async Task InitializeAsync()
    {
        var options = new LocalPipelineOptions
        {
            GatewayUrl = $"http://127.0.0.1:{FreePort.Next()}",
            SiloUrl = $"http://127.0.0.1:{FreePort.Next()}",
            ConfigureTracing = _ => { },
        };
        _redis = await RedisServer.StartAsync();
        options.ExternalRedis = ("127.0.0.1", _redis.Port);
        options.Settings["ORLEANS_SERVICE_ID"] = $"hostile-{Guid.NewGuid():N}";
        options.Settings["RESULT_TTL"] = "600";
        options.Settings["KAFKA_TOPIC_PARTITIONS"] = Partitions.ToString();
        options.Settings["GROQ_API_KEY"] = "";

        Pipeline = await LocalPipeline.StartAsync(options, []);
        GatewayUrl = new Uri(options.GatewayUrl);
        SiloUrl = new Uri(options.SiloUrl);
        Http = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Submits a valid job and waits until it succeeded: the gateway, Kafka and the silo all still work.</summary>
    public async Task AssertStillServesAsync()
    {
        var prompt = $"still there {Guid.NewGuid():N}";
        var requestId = await Http.SubmitAsync("echo", "m", prompt);
        var result = await Http.WaitForFinishAsync(requestId, TimeSpan.FromSeconds(60));
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(prompt, result.GetProperty("output").GetString());

        using var silo = new HttpClient { BaseAddress = SiloUrl };
        using var ready = await silo.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>Messages ever written to the request topic.</summary>
    public long RequestTopicCount() => KafkaTopic.Count(BootstrapServers, Kafka.RequestTopic);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Pipeline.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
