using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LlmOrleans.Silo.Health;

/// <summary>Ready while this silo is an active member of the cluster: joined, and neither stopping nor declared dead.</summary>
internal sealed class SiloStatusHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {membership.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"Silo {membership.SiloAddress} is {status}"));
    }
}
