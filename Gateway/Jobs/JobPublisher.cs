using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Security;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Accepts a job: takes its place in the caller's in-flight quota, remembers it as queued, then writes it to
/// the request topic and returns once Kafka acknowledged it. Throws when a step fails, and then the job was
/// not accepted.
/// </summary>
public sealed class JobPublisher(
    KafkaJsonProducer producer,
    QueuedJobIndex queued,
    JobQuotas quotas,
    IOptions<KafkaOptions> kafka,
    GatewayMetrics metrics,
    TimeProvider time)
{
    /// <summary>
    /// Publishes a validated job for <paramref name="caller"/> and returns its new request id, or null when the
    /// caller's key already has its maximum of jobs in flight.
    /// </summary>
    public async Task<string?> PublishAsync(ProcessRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var requestId = Guid.CreateVersion7().ToString("D");
        var createdAt = time.GetUtcNow();
        var provider = request.Provider!.Trim().ToLowerInvariant();
        var model = request.Model!.Trim();
        if (!await quotas.TryAcquireAsync(caller.Key, requestId))
        {
            return null;
        }

        try
        {
            await queued.MarkAsync(requestId, new QueuedJob(createdAt, provider, model, caller.Tenant));
        }
        catch
        {
            quotas.Release(caller.Key, requestId);
            throw;
        }

        try
        {
            await producer.ProduceAsync(
                kafka.Value.RequestTopic,
                requestId,
                new JobRequestMessage
                {
                    RequestId = requestId,
                    Provider = provider,
                    Model = model,
                    Prompt = request.Prompt,
                    CreatedAt = createdAt,
                    Tenant = caller.Tenant,
                    KeyId = caller.Key?.Id,
                },
                MessagingJsonContext.Wire.JobRequestMessage,
                cancellationToken);
        }
        catch
        {
            queued.Forget(requestId);
            quotas.Release(caller.Key, requestId);
            throw;
        }

        metrics.Accepted(provider);
        return requestId;
    }
}
