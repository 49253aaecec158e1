using System.Text.Json;
using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Health;
using LlmOrleans.Gateway.Jobs;
using LlmOrleans.Grains.Abstractions;
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
        var hostedBefore = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
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
        // The client's own hosted service would hold up the host's start until a silo answers: run it in the background.
        var clientServices = builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && !hostedBefore.Contains(d)).ToList();
        clientServices.ForEach(d => builder.Services.Remove(d));
        builder.Services.AddHostedService(services => new ClusterClientConnector(
            clientServices.Select(d => (IHostedService)Resolve(services, d)).ToList(),
            services.GetRequiredService<ILogger<ClusterClientConnector>>()));
        builder.Services.AddSingleton<JobGrainFactory>();
        builder.Services.AddSingleton<JobStatusReader>();
        builder.Services.AddSingleton(connection);
        builder.Services.AddHealthChecks().AddReadinessCheck<ClusterConnectionHealthCheck>("cluster");

        return builder;
    }

    private static object Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);

    /// <summary>Adds the job API's services: Kafka publishing and its readiness check, known providers, metrics, JSON.</summary>
    public static WebApplicationBuilder AddJobsApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddKafkaOptions(builder.Configuration);
        builder.Services.AddHostedService<KafkaTopicProvisioner>();

        // Topic provisioning waits up to 10 s for a broker that is down; the HTTP API serves meanwhile (503s).
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddSingleton<KafkaJsonProducer>();
        builder.Services.AddSingleton<KafkaHealthCheck>();
        builder.Services.AddHealthChecks().AddReadinessCheck<KafkaHealthCheck>("kafka");
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<JobAcceptor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<JobAcceptor>());
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
