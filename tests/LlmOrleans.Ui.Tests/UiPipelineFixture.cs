using LlmOrleans.Local;
using LlmOrleans.Testing;

namespace LlmOrleans.Ui.Tests;

/// <summary>
/// The whole pipeline for the page and its API: embedded Kafka-protocol broker, a real redis-server (Garnet only
/// when none is installed and not on CI), a silo and a gateway on free loopback ports.
/// </summary>
public sealed class UiPipelineFixture : IAsyncLifetime
{
    private RedisServer? _redis;

    public LocalPipeline Pipeline { get; private set; } = null!;

    /// <summary>The gateway's base address, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string GatewayUrl { get; private set; } = null!;

    /// <summary>A client of the gateway that does not follow redirects.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Where the store the pipeline uses listens.</summary>
    public (string Host, int Port) Redis => (Pipeline.Settings["REDIS_HOST"]!, int.Parse(Pipeline.Settings["REDIS_PORT"]!));

    public async Task InitializeAsync()
    {
        GatewayUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var options = new LocalPipelineOptions
        {
            GatewayUrl = GatewayUrl,
            SiloUrl = $"http://127.0.0.1:{FreePort.Next()}",
        };
        if (RedisServer.IsInstalled || Environment.GetEnvironmentVariable("CI") == "true")
        {
            _redis = await RedisServer.StartAsync();
            options.ExternalRedis = ("127.0.0.1", _redis.Port);
        }

        options.Settings["ORLEANS_SERVICE_ID"] = $"ui-{Guid.NewGuid():N}";
        options.Settings["KAFKA_TOPIC_PARTITIONS"] = "4";
        options.Settings["GROQ_API_KEY"] = "";

        Pipeline = await LocalPipeline.StartAsync(options, []);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(GatewayUrl) };
    }

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
