using LlmOrleans.Gateway.Api;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Accepts a job: remembers it as queued, then writes it to the request topic and returns once Kafka
/// acknowledged it. Throws when either step fails, and then the job was not accepted.
/// </summary>
public sealed class JobPublisher(
    KafkaJsonProducer producer,
    QueuedJobIndex queued,
    IOptions<KafkaOptions> kafka,
    GatewayMetrics metrics,
    TimeProvider time)
{
    /// <summary>Publishes a validated job and returns its new request id.</summary>
    public async Task<string> PublishAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        var requestId = Guid.CreateVersion7().ToString("D");
        var createdAt = time.GetUtcNow();
        var provider = request.Provider!.Trim().ToLowerInvariant();
        var model = request.Model!.Trim();
        await queued.MarkAsync(requestId, new QueuedJob(createdAt, provider, model));
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
                },
                MessagingJsonContext.Wire.JobRequestMessage,
                cancellationToken);
        }
        catch
        {
            queued.Forget(requestId);
            throw;
        }

        metrics.Accepted(provider);
        return requestId;
    }
}
