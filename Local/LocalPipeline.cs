using System.Runtime.InteropServices;
using LlmOrleans.Gateway.Extensions;
using LlmOrleans.Gateway.Health;
using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;
using LlmOrleans.Silo.Extensions;
using OpenTelemetry.Trace;

namespace LlmOrleans.Local;

/// <summary>
/// The whole pipeline in one process on embedded infrastructure: a Kafka-protocol broker (librdkafka's
/// mock cluster) and a Redis-compatible store (Garnet), with a silo and a gateway host wired exactly
/// as in production: the same Confluent.Kafka and Orleans Redis code, over real TCP.
/// </summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private readonly EmbeddedKafkaBroker _broker;
    private readonly EmbeddedRedisServer? _redis;
    private readonly List<WebApplication> _hosts = [];

    private LocalPipeline(EmbeddedKafkaBroker broker, EmbeddedRedisServer? redis, Dictionary<string, string?> settings)
    {
        _broker = broker;
        _redis = redis;
        Settings = settings;
    }

    /// <summary>The settings both hosts run with (broker address, Redis address, topics…).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The embedded broker's bootstrap servers.</summary>
    public string BootstrapServers => _broker.BootstrapServers;

    /// <summary>Starts broker, store, silo and gateway; returns once the gateway listens.</summary>
    public static async Task<LocalPipeline> StartAsync(LocalPipelineOptions options, string[] args)
    {
        var broker = EmbeddedKafkaBroker.Start();
        var redis = options.ExternalRedis is null ? EmbeddedRedisServer.Start() : null;
        var (redisHost, redisPort) = options.ExternalRedis ?? (redis!.Host, redis.Port);
        var settings = new Dictionary<string, string?>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = broker.BootstrapServers,
            ["REDIS_HOST"] = redisHost,
            ["REDIS_PORT"] = redisPort.ToString(),
            ["ORLEANS_ADVERTISED_IP"] = "127.0.0.1",
            ["ORLEANS_SILO_PORT"] = "0",
            ["ORLEANS_GATEWAY_PORT"] = "0",
            // The mock broker holds a departed member's partitions for its whole session timeout.
            ["KAFKA_SESSION_TIMEOUT_MS"] = "6000",
            // The mock broker holds a fetch that finds no data for this whole wait, even when data arrives meanwhile.
            ["KAFKA_FETCH_WAIT_MAX_MS"] = "5",
            // A local run on this machine: no API keys unless asked for (the gateway warns that this is so).
            ["AUTH_MODE"] = Environment.GetEnvironmentVariable("AUTH_MODE") ?? "none",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var pipeline = new LocalPipeline(broker, redis, settings);
        try
        {
            pipeline.CreateTopics(args);
            if (!options.InfrastructureOnly)
            {
                await pipeline.StartHostAsync(BuildSilo(args, settings, options));
                await pipeline.StartHostAsync(BuildGateway(args, settings, options));
                await pipeline.WaitForGatewayToReachSiloAsync();
            }

            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes on Ctrl+C or SIGTERM (the hosts' console lifetimes turn those into stopping).</summary>
    public async Task WaitForShutdownAsync()
    {
        if (_hosts.Count > 0)
        {
            await Task.WhenAny(_hosts.Select(h => Stopping(h.Lifetime)));
            return;
        }

        var signalled = new TaskCompletionSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            signalled.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await signalled.Task;
    }

    /// <summary>
    /// The gateway's cluster client connects in the background; a local run is ready once it reached the silo,
    /// so the first status read does not meet a gateway still looking for it.
    /// </summary>
    private async Task WaitForGatewayToReachSiloAsync()
    {
        var connection = GatewayServices.GetRequiredService<ClusterConnection>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (connection.ConnectedGateways == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    /// <summary>The service provider of the gateway host (for tests).</summary>
    public IServiceProvider GatewayServices => _hosts[^1].Services;

    /// <summary>The service provider of the silo host (for tests).</summary>
    public IServiceProvider SiloServices => _hosts[0].Services;

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            try
            {
                await _hosts[i].StopAsync();
            }
            catch (InvalidOperationException)
            {
                // A host whose start failed (e.g. a silo still joining) cannot be stopped; disposing it is enough.
            }

            await _hosts[i].DisposeAsync();
        }

        _broker.Dispose();
        _redis?.Dispose();
    }

    private static Task Stopping(IHostApplicationLifetime lifetime)
    {
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        return stopping.Task;
    }

    private void CreateTopics(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection(Settings)
            .Build();
        LocalTopics.Create(_broker, configuration);
    }

    private async Task StartHostAsync(WebApplication host)
    {
        _hosts.Add(host);
        await host.StartAsync();
    }

    private static WebApplication BuildSilo(string[] args, IReadOnlyDictionary<string, string?> settings, LocalPipelineOptions options)
    {
        var builder = CreateBuilder(args, settings, options.SiloUrl, "LlmOrleans.Silo", options);
        return builder.AddSiloHost().Build().MapSiloHost();
    }

    private static WebApplication BuildGateway(string[] args, IReadOnlyDictionary<string, string?> settings, LocalPipelineOptions options)
    {
        var builder = CreateBuilder(args, settings, options.GatewayUrl, "LlmOrleans.Gateway", options);
        return builder.AddGatewayHost().Build().MapGatewayHost();
    }

    private static WebApplicationBuilder CreateBuilder(
        string[] args,
        IReadOnlyDictionary<string, string?> settings,
        string url,
        string serviceName,
        LocalPipelineOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(LocalPipeline).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        if (builder.Configuration["OTEL_SERVICE_NAME"] is null)
        {
            // Both hosts share this process's application name; telemetry should still tell them apart.
            builder.Configuration.AddInMemoryCollection([new("OTEL_SERVICE_NAME", serviceName)]);
        }

        if (options.ConfigureTracing is { } configureTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(configureTracing);
        }

        options.ConfigureLogging?.Invoke(builder.Logging);

        builder.WebHost.UseUrls(url);
        return builder;
    }
}
