using LlmOrleans.Grains;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Outcomes;
using LlmOrleans.Grains.Providers;
using LlmOrleans.Grains.Quotas;
using LlmOrleans.Grains.Telemetry;
using LlmOrleans.Grains.Watchdog;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Health;
using LlmOrleans.Providers;
using LlmOrleans.ServiceDefaults;
using LlmOrleans.Silo.Health;
using LlmOrleans.Silo.Kafka;
using LlmOrleans.Silo.Memory;
using LlmOrleans.Silo.Quotas;
using LlmOrleans.Silo.Storage;
using LlmOrleans.Silo.Watchdog;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using StackExchange.Redis;
using Orleans.Storage;
using Orleans.Dashboard;

namespace LlmOrleans.Silo.Extensions;

/// <summary>Everything a silo host adds: the Orleans silo on Redis, the job pipeline and the providers.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the Orleans silo (Redis clustering, job storage with the result TTL, reminders, trace propagation
    /// through grain calls), the job metrics, and a readiness check that the silo is an active cluster member.
    /// </summary>
    public static WebApplicationBuilder AddLlmSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var redis = configuration.GetRedisOptions().ToConfigurationOptions();
        var identity = configuration.GetClusterIdentity();
        var endpoints = SiloEndpointOptions.FromConfiguration(configuration);
        // Storage expiry and reminder granularity are fixed while building the silo, so read these now too.
        var execution = BindExecutionOptions(configuration, new JobExecutionOptions());

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = identity.ClusterId;
                o.ServiceId = identity.ServiceId;
            });
            silo.ConfigureEndpoints(endpoints.AdvertisedIp, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
            // Job state in Redis, many jobs' reads and writes per command. Redis expiries are whole seconds: StateCommands
            // rounds up, so storage never drops a result the grain still serves. Orleans' binary serializer is
            // version-tolerant through the [Id]s on JobState and several times cheaper than JSON on the per-job path.
            silo.Services.AddGrainStorage(JobStorage.Name, (services, _) => new GroupedRedisGrainStorage(
                new StateCommands(services.GetRequiredService<IConnectionMultiplexer>(), execution.ResultTtl),
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                services.GetRequiredService<IActivatorProvider>(),
                identity.ServiceId));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = execution.WatchdogPeriod);
            silo.Configure<GrainDirectoryOptions>(ConfigureDirectoryCache);
            silo.AddDashboard();
            silo.AddActivityPropagation();
        });

        builder.Services.AddOptions<JobExecutionOptions>()
            .Configure(o => BindExecutionOptions(configuration, o))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddSingleton<RunningJobs>();
        builder.Services.AddSingleton<JobMetrics>();
        builder.Services.AddSingleton<ProviderCircuits>();
        builder.Services.AddSingleton<IJobWatchlist, RedisJobWatchlist>();
        builder.Services.AddSingleton<IJobQuota, RedisJobQuota>();
        builder.Services.AddHostedService<JobSweeperStarter>();
        builder.Services.AddOptions<IdleTrimOptions>()
            .Configure(o => o.IdleAfter = Seconds(configuration, "IDLE_TRIM_SECONDS", o.IdleAfter))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        builder.Services.AddLlmProviders(configuration);
        builder.Services.AddHealthChecks().AddReadinessCheck<SiloStatusHealthCheck>("cluster");
        return builder;
    }

    /// <summary>
    /// Adds the Kafka side: topic creation, the producer for results and dead letters, the request-topic
    /// consumer and its lag gauge, and a readiness check on the brokers. Registered after the silo so the
    /// consumer starts once grains can run.
    /// </summary>
    public static WebApplicationBuilder AddKafkaJobIngestion(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddKafkaOptions(configuration);
        builder.Services.AddHostedService<KafkaTopicProvisioner>();
        builder.Services.AddSingleton<KafkaJsonProducer>();
        builder.Services.AddSingleton<IJobOutcomePublisher, KafkaOutcomePublisher>();
        builder.Services.AddSingleton<JobGrainFactory>();
        builder.Services.AddSingleton<JobDispatcher>();
        builder.Services.AddSingleton<ConsumerLag>();
        builder.Services.AddSingleton<KafkaHealthCheck>();
        builder.Services.AddHealthChecks().AddReadinessCheck<KafkaHealthCheck>("kafka");
        builder.Services.AddOptions<JobConsumerOptions>()
            .Configure(o =>
            {
                o.MaxPendingSubmits = configuration.GetValue("KAFKA_MAX_PENDING_SUBMITS", o.MaxPendingSubmits);
                o.MaxInflightJobs = configuration.GetValue("MAX_INFLIGHT_JOBS", o.MaxInflightJobs);
                o.ShutdownGracePeriod = Seconds(configuration, "SHUTDOWN_GRACE_PERIOD", o.ShutdownGracePeriod);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Hosted services stop in reverse order: first the consumer stops taking messages, then running
        // jobs get their grace period, then the silo leaves the cluster.
        builder.Services.AddHostedService<RunningJobsDrain>();
        builder.Services.AddHostedService<JobConsumer>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout =
            Seconds(configuration, "SHUTDOWN_GRACE_PERIOD", new JobConsumerOptions().ShutdownGracePeriod) + TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>
    /// A job grain is busy for seconds to minutes and then never called again, so the directory cache keeps an
    /// address only while it is used: Orleans' default (a million entries, each kept up to 4 minutes after its
    /// last use) held every finished job's address for minutes, about 370 bytes a job, after the silo had
    /// gone idle. Status polls keep a running job's entry warm; a finished one's goes within 20 seconds,
    /// before the idle trim runs.
    /// </summary>
    private static void ConfigureDirectoryCache(GrainDirectoryOptions options)
    {
        options.CacheSize = 100_000;
        options.MaximumCacheTTL = TimeSpan.FromSeconds(10);
    }

    /// <summary>Reads the job settings from the environment names (durations in seconds) over the defaults.</summary>
    private static JobExecutionOptions BindExecutionOptions(IConfiguration configuration, JobExecutionOptions options)
    {
        options.MaxAttempts = configuration.GetValue("LLM_MAX_ATTEMPTS", options.MaxAttempts);
        options.AttemptTimeout = Seconds(configuration, "LLM_TIMEOUT", options.AttemptTimeout);
        options.BackoffBase = Seconds(configuration, "LLM_BACKOFF_BASE", options.BackoffBase);
        options.BackoffMax = Seconds(configuration, "LLM_BACKOFF_MAX", options.BackoffMax);
        options.ResultTtl = Seconds(configuration, "RESULT_TTL", options.ResultTtl);
        options.WatchdogPeriod = Seconds(configuration, "JOB_WATCHDOG_PERIOD", options.WatchdogPeriod);
        options.CircuitOpenBase = Seconds(configuration, "LLM_CIRCUIT_OPEN", options.CircuitOpenBase);
        options.CircuitMaxWait = Seconds(configuration, "LLM_CIRCUIT_MAX_WAIT", options.CircuitMaxWait);
        options.LogPrompts = configuration.GetValue("LOG_PROMPTS", options.LogPrompts);
        options.Retention = configuration.GetValue("JOB_RETENTION", options.Retention);
        return options;
    }

    /// <summary>Durations are given in seconds (fractions allowed), e.g. <c>RESULT_TTL=300</c>.</summary>
    private static TimeSpan Seconds(IConfiguration configuration, string key, TimeSpan fallback)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{key} must be a number of seconds, got '{text}'.");
    }
}
