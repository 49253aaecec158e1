using LlmOrleans.Local;
using LlmOrleans.Testing;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>
/// The whole pipeline for a test collection: embedded Kafka-protocol broker, a real redis-server (Garnet
/// only when none is installed and not on CI), a silo and a gateway on free loopback ports, and a fake
/// OpenAI-compatible provider configured as the named endpoint <c>fake</c>.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    /// <summary>How long finished results stay readable in this fixture.</summary>
    public static readonly TimeSpan ResultTtl = TimeSpan.FromSeconds(3);

    private RedisServer? _redis;

    public LocalPipeline Pipeline { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public FakeOpenAiServer FakeProvider { get; private set; } = null!;

    public string BootstrapServers => Pipeline.BootstrapServers;

    public async Task InitializeAsync()
    {
        var options = new LocalPipelineOptions
        {
            GatewayUrl = $"http://127.0.0.1:{FreePort.Next()}",
            SiloUrl = $"http://127.0.0.1:{FreePort.Next()}",
        };
        if (RedisServer.IsInstalled || Environment.GetEnvironmentVariable("CI") == "true")
        {
            _redis = await RedisServer.StartAsync();
            options.ExternalRedis = ("127.0.0.1", _redis.Port);
        }

        FakeProvider = await FakeOpenAiServer.StartAsync();
        options.Settings["ORLEANS_SERVICE_ID"] = $"e2e-{Guid.NewGuid():N}";
        options.Settings["RESULT_TTL"] = ResultTtl.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Settings["LLM_BACKOFF_BASE"] = "0.05";
        options.Settings["LLM_BACKOFF_MAX"] = "0.5";
        options.Settings["LLM_TIMEOUT"] = "10";
        options.Settings["KAFKA_TOPIC_PARTITIONS"] = "4";
        options.Settings["GROQ_API_KEY"] = "";
        options.Settings["Llm:Endpoints:fake:BaseUrl"] = FakeProvider.BaseUrl.ToString();

        Pipeline = await LocalPipeline.StartAsync(options, []);
        Http = new HttpClient { BaseAddress = new Uri(options.GatewayUrl) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Pipeline.DisposeAsync();
        await FakeProvider.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
