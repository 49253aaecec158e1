using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Quotas;
using LlmOrleans.ServiceDefaults.Redis;

namespace LlmOrleans.Silo.Quotas;

/// <summary>Gives a finished job's place back to its API key's in-flight quota (<see cref="InFlightLeases"/>).</summary>
public sealed class RedisJobQuota(InFlightLeases leases) : IJobQuota
{
    public void Release(LlmJob job)
    {
        if (job.KeyId is { } keyId)
        {
            leases.Release(keyId, job.RequestId);
        }
    }
}
