using System.Diagnostics;
using Confluent.Kafka;
using LlmOrleans.Grains;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using LlmOrleans.Messaging.Telemetry;
using LlmOrleans.ServiceDefaults.Redis;
using LlmOrleans.Silo.Stats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Silo.Kafka;

/// <summary>
/// Hands one consumed message to where it belongs: a valid job to its grain, anything else to the
/// dead-letter topic. Completes only once that is durable; our own infrastructure failing (Redis,
/// Kafka, the cluster) is retried until it works or the silo stops, never turned into a failed job.
/// </summary>
public sealed partial class JobDispatcher(
    JobGrainFactory grains,
    QueuedJobIndex queued,
    SiloStats stats,
    KafkaJsonProducer producer,
    IOptions<KafkaOptions> kafka,
    IOptions<JobRequestLimits> limits,
    IOptions<JobExecutionOptions> backoff,
    TimeProvider time,
    ILogger<JobDispatcher> logger)
{
    private const int MaxRawPayloadBytes = 64 * 1024;

    /// <summary>
    /// Dispatches the message; returns false only when <paramref name="stopping"/> cut it short. Traced as
    /// <c>submit</c>, a child of the gateway's publish span when the message carries its trace context.
    /// </summary>
    public async Task<bool> DispatchAsync(ConsumeResult<byte[], byte[]> message, CancellationToken stopping)
    {
        using var span = KafkaTelemetry.StartProcess(message, "submit");
        var job = Read(message, out var error);
        span?.SetTag("request_id", job?.RequestId);
        if (job is null)
        {
            span?.SetStatus(ActivityStatusCode.Error, error);
        }

        return job is null
            ? await RetryAsync(ct => DeadLetterAsync(message, error!, ct), message.TopicPartitionOffset, null, stopping)
            : await RetryAsync(_ => SubmitAsync(job), message.TopicPartitionOffset, job.RequestId, stopping);
    }

    /// <summary>
    /// The job in the message, or why it is none. Whatever the reader throws makes the message invalid too:
    /// left unhandled it would hold its partition's committed offset back for good.
    /// </summary>
    private LlmJob? Read(ConsumeResult<byte[], byte[]> message, out string? error)
    {
        try
        {
            return JobMessageReader.Read(message.Message.Key, message.Message.Value, limits.Value, time.GetUtcNow(), out error);
        }
        catch (Exception ex)
        {
            LogUnreadable(ex, message.TopicPartitionOffset.ToString());
            error = $"The message could not be read ({ex.GetType().Name}).";
            return null;
        }
    }

    private async Task SubmitAsync(LlmJob job)
    {
        var result = await grains.Get(job.RequestId).SubmitAsync(job);
        if (result == SubmitResult.Accepted)
        {
            // Counted before the step below can fail: the retry after it would find the job a duplicate.
            stats.Taken(job.RequestId, job.CreatedAt, job.Tenant);
        }

        await queued.RemoveAsync(job.RequestId);
        if (result == SubmitResult.Duplicate)
        {
            LogDuplicate(job.RequestId);
        }
    }

    private async Task DeadLetterAsync(ConsumeResult<byte[], byte[]> message, string error, CancellationToken cancellationToken)
    {
        var value = message.Message.Value ?? [];
        var requestId = JobMessageReader.ReadRequestId(null, message.Message.Key);
        LogInvalid(message.TopicPartitionOffset.ToString(), requestId, error);
        var deadLetter = new DeadLetterMessage
        {
            Reason = DeadLetterMessage.InvalidMessage,
            Error = error,
            RequestId = requestId,
            RawPayloadBase64 = Convert.ToBase64String(value, 0, Math.Min(value.Length, MaxRawPayloadBytes)),
            RawPayloadTruncated = value.Length > MaxRawPayloadBytes,
            Source = $"{message.Topic}/{message.Partition.Value}@{message.Offset.Value}",
            DeadLetteredAt = time.GetUtcNow(),
        };
        await producer.ProduceAsync(kafka.Value.DlqTopic, requestId ?? string.Empty, deadLetter,
            MessagingJsonContext.Wire.DeadLetterMessage, cancellationToken);
    }

    private async Task<bool> RetryAsync(
        Func<CancellationToken, Task> work, TopicPartitionOffset source, string? requestId, CancellationToken stopping)
    {
        for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await work(stopping);
                return true;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogDispatchRetry(ex, source.ToString(), requestId, attempt);
                try
                {
                    await Task.Delay(RetryBackoff.Next(attempt, null, backoff.Value, Random.Shared), time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    [LoggerMessage(200, LogLevel.Debug, "Job {RequestId} was already accepted; redelivery ignored")]
    private partial void LogDuplicate(string requestId);

    [LoggerMessage(201, LogLevel.Warning, "Message {Source} (key {RequestId}) is not a valid job, sent to the dead-letter topic: {Error}")]
    private partial void LogInvalid(string source, string? requestId, string error);

    [LoggerMessage(202, LogLevel.Warning, "Message {Source}, job {RequestId}: hand-off failed (try {Attempt}); retrying")]
    private partial void LogDispatchRetry(Exception exception, string source, string? requestId, int attempt);

    [LoggerMessage(224, LogLevel.Error, "Message {Source} could not be read; it goes to the dead-letter topic")]
    private partial void LogUnreadable(Exception exception, string source);
}
