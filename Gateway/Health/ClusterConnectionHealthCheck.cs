using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LlmOrleans.Gateway.Health;

/// <summary>
/// Reports whether the cluster client reaches a silo. Without one the gateway is <em>degraded</em>, not
/// unready (still HTTP 200): it keeps accepting jobs into Kafka and reads them as queued, so an
/// orchestrator must not take it out of service just because the silos are down or restarting.
/// </summary>
internal sealed class ClusterConnectionHealthCheck(ClusterConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = connection.ConnectedGateways;
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"Connected to {gateways} silos")
            : HealthCheckResult.Degraded("Not connected to any silo; accepting jobs, reading them as queued"));
    }
}
