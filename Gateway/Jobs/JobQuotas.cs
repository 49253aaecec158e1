using LlmOrleans.Gateway.Security;
using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>Holds a key's jobs to its <c>max_in_flight</c> across the cluster (<see cref="InFlightLeases"/>).</summary>
public sealed class JobQuotas(InFlightLeases leases, IOptions<AuthOptions> options)
{
    /// <summary>Takes a place for the job; false when the key already has its maximum in flight. Keys without a maximum always get one.</summary>
    public async Task<bool> TryAcquireAsync(ApiKey? key, string requestId) =>
        key?.MaxInFlight is not { } max || await leases.TryAcquireAsync(key.Id, requestId, max, options.Value.InFlightLease);

    /// <summary>Gives the place back, for a job that was not accepted after all.</summary>
    public void Release(ApiKey? key, string requestId)
    {
        if (key?.MaxInFlight is not null)
        {
            leases.Release(key.Id, requestId);
        }
    }
}
