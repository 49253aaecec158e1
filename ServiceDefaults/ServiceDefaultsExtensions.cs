using LlmOrleans.ServiceDefaults.Health;
using LlmOrleans.ServiceDefaults.Redis;
using LlmOrleans.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults;

/// <summary>What every LlmOrleans host has: shared settings, the Redis connection, health endpoints, logging, telemetry.</summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>Adds validated shared options, one Redis connection, health checks, problem details and OpenTelemetry.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<RedisOptions>()
            .Configure(configuration.BindRedisOptions)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ClusterIdentityOptions>()
            .Configure(configuration.BindClusterIdentity)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Connected while building, not lazily on the first request: a synchronous connect inside a
        // singleton factory would block every concurrent first request on thread-pool threads. With
        // AbortOnConnectFail off this returns at once even when Redis is down, and reconnects by itself.
        builder.Services.AddSingleton<IConnectionMultiplexer>(
            ConnectionMultiplexer.Connect(configuration.GetRedisOptions().ToConfigurationOptions()));
        builder.Services.AddSingleton<RedisWriteGroups>();
        builder.Services.AddSingleton<QueuedJobIndex>();
        builder.Services.AddSingleton<InFlightLeases>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        // Framework chatter (per-request lines, Polly's placement retries) drowns out the job log at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        // One line per provider request without the job's id; the attempt's span and our own lines cover it.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.AddOpenTelemetryDefaults();
        return builder;
    }

    /// <summary>
    /// Maps <c>/health/live</c> (the process runs), <c>/health/ready</c> (its dependencies answer) and the
    /// Prometheus scrape endpoint <c>/metrics</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>Adds a readiness check that the host's own services can register under the ready tag.</summary>
    public static IHealthChecksBuilder AddReadinessCheck<T>(this IHealthChecksBuilder builder, string name)
        where T : class, IHealthCheck =>
        builder.AddCheck<T>(name, tags: [ReadyTag]);
}
