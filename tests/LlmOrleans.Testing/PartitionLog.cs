using Confluent.Kafka;

namespace LlmOrleans.Testing;

/// <summary>Where a partition's log starts: what a broker's retention has deleted of it.</summary>
public static class PartitionLog
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(15);

    public static long Start<TKey, TValue>(IConsumer<TKey, TValue> reader, string topic, int partition = 0) =>
        reader.QueryWatermarkOffsets(new TopicPartition(topic, partition), QueryTimeout).Low.Value;

    /// <summary>
    /// The log's start once it reached <paramref name="offset"/>: the caller checks that it went no further.
    /// Throws after <paramref name="timeout"/>.
    /// </summary>
    public static Task<long> TrimmedToAsync<TKey, TValue>(IConsumer<TKey, TValue> reader, string topic, long offset, TimeSpan timeout) =>
        Eventually.UntilAsync(
            () => Task.FromResult(Start(reader, topic)),
            start => start >= offset,
            timeout,
            $"{topic}'s log to start at offset {offset}");
}
