using System.Text.Json;
using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Health;
using LlmOrleans.Gateway.Jobs;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Health;
using LlmOrleans.ServiceDefaults;
using Orleans.Configuration;

namespace LlmOrleans.Gateway.Extensions;

/// <summary>Everything a gateway host adds.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>
    /// Adds the Orleans cluster client, found through Redis clustering, passing the trace on through grain
    /// calls, with a readiness check that it is connected to a silo.
    /// </summary>
    public static WebApplicationBuilder AddLlmClusterClient(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetRedisOptions().ToConfigurationOptions();
        var identity = builder.Configuration.GetClusterIdentity();
        var connection = new ClusterConnection();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = identity.ClusterId;
                o.ServiceId = identity.ServiceId;
            });
            client.UseRedisClustering(o => o.ConfigurationOptions = redis);
            client.AddActivityPropagation();
            client.AddClusterConnectionStatusObserver(connection);

            // Never give up on reaching the cluster: the gateway must keep serving while silos are down.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                return true;
            });
        });
        builder.Services.AddSingleton<JobStatusReader>();
        builder.Services.AddSingleton(connection);
        builder.Services.AddHealthChecks().AddReadinessCheck<ClusterConnectionHealthCheck>("cluster");

        // The cluster client keeps retrying until a silo is up. Starting hosted services concurrently lets
        // the HTTP API serve meanwhile: jobs are accepted into Kafka and read as queued.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }

    /// <summary>Adds the job API's services: Kafka publishing and its readiness check, known providers, metrics, JSON.</summary>
    public static WebApplicationBuilder AddJobsApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddKafkaOptions(builder.Configuration);
        builder.Services.AddHostedService<KafkaTopicProvisioner>();
        builder.Services.AddSingleton<KafkaJsonProducer>();
        builder.Services.AddSingleton<KafkaHealthCheck>();
        builder.Services.AddHealthChecks().AddReadinessCheck<KafkaHealthCheck>("kafka");
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<JobPublisher>();
        builder.Services.AddSingleton<KnownProviders>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        return builder;
    }
}
