using System.Text.Json.Nodes;
using LlmOrleans.Local;
using LlmOrleans.Testing;
using Microsoft.Extensions.Logging;

namespace LlmOrleans.Auth.Tests;

/// <summary>
/// The whole pipeline with API keys required: keys from a file the tests can rewrite, a real redis-server,
/// a fake OpenAI-compatible provider <c>fake</c> with a provider key, every log line captured, and
/// <c>JOB_RETENTION=output</c> so finished jobs keep no prompt.
/// </summary>
public sealed class SecuredPipelineFixture : IAsyncLifetime
{
    /// <summary>The provider key the silo sends to the fake provider; it must never come back out.</summary>
    public const string ProviderKey = "sk-test-provider-secret-0123456789abcdef";

    private readonly string _directory = Directory.CreateTempSubdirectory("llmorleans-auth-").FullName;
    private RedisServer? _redis;

    public LocalPipeline Pipeline { get; private set; } = null!;

    public FakeOpenAiServer FakeProvider { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public string KeysFile => Path.Combine(_directory, "api-keys.json");

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri SiloUrl { get; private set; } = null!;

    public string BootstrapServers => Pipeline.BootstrapServers;

    /// <summary>A client presenting <paramref name="key"/> as a bearer token, or no key when null.</summary>
    public HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = GatewayUrl };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return http;
    }

    /// <summary>Replaces the keys file atomically, as a secret mount or a deploy tool would.</summary>
    public void WriteKeys(JsonObject file)
    {
        var temporary = KeysFile + ".tmp";
        System.IO.File.WriteAllText(temporary, file.ToJsonString());
        System.IO.File.Move(temporary, KeysFile, overwrite: true);
    }

    public async Task InitializeAsync()
    {
        WriteKeys(TestKeys.File());
        var options = new LocalPipelineOptions
        {
            GatewayUrl = $"http://127.0.0.1:{FreePort.Next()}",
            SiloUrl = $"http://127.0.0.1:{FreePort.Next()}",
            ConfigureLogging = logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddProvider(Logs);
            },
        };
        if (RedisServer.IsInstalled || Environment.GetEnvironmentVariable("CI") == "true")
        {
            _redis = await RedisServer.StartAsync();
            options.ExternalRedis = ("127.0.0.1", _redis.Port);
        }

        FakeProvider = await FakeOpenAiServer.StartAsync();
        options.Settings["AUTH_MODE"] = "api-keys";
        options.Settings["API_KEYS_FILE"] = KeysFile;
        options.Settings["API_KEYS_RELOAD_SECONDS"] = "0.2";
        options.Settings["JOB_RETENTION"] = "output";
        options.Settings["ORLEANS_SERVICE_ID"] = $"auth-{Guid.NewGuid():N}";
        options.Settings["LLM_BACKOFF_BASE"] = "0.05";
        options.Settings["LLM_BACKOFF_MAX"] = "0.5";
        options.Settings["KAFKA_TOPIC_PARTITIONS"] = "4";
        options.Settings["GROQ_API_KEY"] = "";
        options.Settings["Llm:Endpoints:fake:BaseUrl"] = FakeProvider.BaseUrl.ToString();
        options.Settings["Llm:Endpoints:fake:ApiKey"] = ProviderKey;

        Pipeline = await LocalPipeline.StartAsync(options, []);
        GatewayUrl = new Uri(options.GatewayUrl);
        SiloUrl = new Uri(options.SiloUrl);
    }

    public async Task DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await FakeProvider.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Tests that share the secured pipeline; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SecuredPipelineCollection : ICollectionFixture<SecuredPipelineFixture>
{
    public const string Name = "secured pipeline";
}
