using LlmOrleans.ServiceDefaults.Stats;
using LlmOrleans.Silo.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmOrleans.Silo.Extensions;

/// <summary>The silo's share of the cluster-wide job stats the gateway's jobs page shows.</summary>
public static class SiloStatsExtensions
{
    /// <summary>
    /// Adds this silo's in-memory job stats, fed from the job metrics, and their publisher to Redis. Call it
    /// before <see cref="SiloHostingExtensions.AddKafkaJobIngestion"/>: hosted services stop in reverse order,
    /// so the last write then comes after the consumer stopped and running jobs drained.
    /// </summary>
    public static WebApplicationBuilder AddSiloStats(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ClusterStatsStore>();
        builder.Services.AddSingleton<SiloStats>();
        builder.Services.AddHostedService<JobMetricsListener>();
        builder.Services.AddHostedService<SiloStatsPublisher>();
        return builder;
    }
}
