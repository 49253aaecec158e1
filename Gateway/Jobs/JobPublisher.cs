using System.Diagnostics;
using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Security;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using LlmOrleans.Messaging.Telemetry;
using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Accepts a job: takes its place in the caller's in-flight quota, then has the <see cref="JobAcceptor"/>
/// remember it as queued and write it to the request topic, and returns once Kafka acknowledged it. Throws
/// when a step fails, and then the job was not accepted. Once handed to the acceptor a job is not
/// cancelled: a client that hangs up meanwhile may still have its job accepted, as a lost reply would.
/// </summary>
public sealed class JobPublisher(
    JobAcceptor acceptor,
    JobQuotas quotas,
    IOptions<KafkaOptions> kafka,
    GatewayMetrics metrics,
    TimeProvider time)
{
    /// <summary>
    /// Publishes a validated job for <paramref name="caller"/> and returns its new request id, or null when the
    /// caller's key already has its maximum of jobs in flight.
    /// </summary>
    public async Task<string?> PublishAsync(ProcessRequest request, Caller caller)
    {
        var requestId = Guid.CreateVersion7().ToString("D");
        var createdAt = time.GetUtcNow();
        var provider = request.Provider!.Trim().ToLowerInvariant();
        var model = request.Model!.Trim();
        if (!await quotas.TryAcquireAsync(caller.Key, requestId))
        {
            return null;
        }

        using var publish = KafkaTelemetry.StartPublish(kafka.Value.RequestTopic, requestId);
        var message = KafkaJsonProducer.CreateMessage(
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
            publish);
        try
        {
            var partition = await acceptor.AcceptAsync(requestId, new QueuedJob(createdAt, provider, model, caller.Tenant), message);
            publish?.SetTag("messaging.destination.partition.id", partition.Value.ToString());
        }
        catch (Exception ex)
        {
            publish?.SetStatus(ActivityStatusCode.Error, ex.Message);
            quotas.Release(caller.Key, requestId);
            throw;
        }

        metrics.Accepted(provider);
        return requestId;
    }
}
