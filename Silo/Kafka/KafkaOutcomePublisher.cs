using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Outcomes;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Silo.Kafka;

/// <summary>Publishes finished jobs to the response topic, and failed ones to the dead-letter topic too.</summary>
public sealed class KafkaOutcomePublisher(KafkaJsonProducer producer, IOptions<KafkaOptions> options, TimeProvider time)
    : IJobOutcomePublisher
{
    public async Task PublishAsync(LlmJob job, JobSnapshot outcome, CancellationToken cancellationToken)
    {
        var topics = options.Value;
        var result = ToMessage(outcome);
        var response = producer.ProduceAsync(topics.ResponseTopic, job.RequestId, result, MessagingJsonContext.Wire.JobResultMessage, cancellationToken);
        if (outcome.Phase == JobPhase.Failed)
        {
            var deadLetter = new DeadLetterMessage
            {
                Reason = DeadLetterMessage.JobFailed,
                Error = outcome.Error ?? "failed",
                RequestId = job.RequestId,
                Job = new JobRequestMessage
                {
                    RequestId = job.RequestId,
                    Provider = job.Provider,
                    Model = job.Model,
                    Prompt = job.Prompt,
                    CreatedAt = job.CreatedAt,
                    Tenant = job.Tenant,
                    KeyId = job.KeyId,
                },
                DeadLetteredAt = time.GetUtcNow(),
            };
            await producer.ProduceAsync(topics.DlqTopic, job.RequestId, deadLetter, MessagingJsonContext.Wire.DeadLetterMessage, cancellationToken);
        }

        await response;
    }

    /// <summary>The response-topic record for a terminal snapshot.</summary>
    public static JobResultMessage ToMessage(JobSnapshot outcome) => new()
    {
        RequestId = outcome.RequestId,
        Status = outcome.Phase == JobPhase.Succeeded ? "succeeded" : "failed",
        Provider = outcome.Provider,
        Model = outcome.Model,
        Output = outcome.Output,
        Error = outcome.Error,
        Tenant = outcome.Tenant,
        Attempts = outcome.Attempts,
        CreatedAt = outcome.CreatedAt,
        StartedAt = outcome.StartedAt,
        CompletedAt = outcome.CompletedAt,
        InputTokens = outcome.Usage?.InputTokens,
        OutputTokens = outcome.Usage?.OutputTokens,
    };
}
