using Confluent.Kafka;
using LlmOrleans.ServiceDefaults.Redis;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>A job on its way into Redis and Kafka; completes with the partition it went to, faults when it was not accepted.</summary>
internal sealed class PendingJob(string requestId, QueuedJob mark, Message<string, byte[]> request)
    : TaskCompletionSource<Partition>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public string RequestId { get; } = requestId;

    /// <summary>What a status read shows until a grain takes the job.</summary>
    public QueuedJob Mark { get; } = mark;

    /// <summary>The message for the request topic.</summary>
    public Message<string, byte[]> Request { get; } = request;

    /// <summary>Where Kafka put the request message.</summary>
    public Partition Partition { get; set; }

    /// <summary>Why Kafka did not take the request message; null once it did, or before it answered.</summary>
    public Exception? Failure { get; set; }
}
