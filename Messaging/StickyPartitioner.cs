using Confluent.Kafka;

namespace LlmOrleans.Messaging;

/// <summary>
/// Chooses partitions the way librdkafka's sticky partitioner does for messages without a key (KIP-480), but
/// for our keyed ones: every message produced within one window goes to the same partition, the next window's
/// to the next partition. Messages produced together then travel as one batch and are read in one fetch,
/// instead of one small batch per partition. Our keys are request ids: a job is written once and its outcome
/// only again as a duplicate that consumers drop by key, so nothing needs a key's messages on one partition
/// (docs/messages.md). Over many windows every partition gets its share. Each producer starts at a random
/// partition, so several gateways do not all write to the same one at once.
/// </summary>
public sealed class StickyPartitioner
{
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private readonly long _start = Random.Shared.Next(0, 1 << 16);

    public StickyPartitioner(TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _time = time;
        _windowTicks = Math.Max(1, (long)(window.TotalSeconds * time.TimestampFrequency));
    }

    /// <summary>A <see cref="PartitionerDelegate"/>: the current window's partition, whatever the key.</summary>
    public Partition Choose(string topic, int partitionCount, ReadOnlySpan<byte> keyData, bool keyIsNull) =>
        new((int)((_time.GetTimestamp() / _windowTicks + _start) % partitionCount));
}
