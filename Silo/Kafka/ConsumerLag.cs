using System.Diagnostics.Metrics;
using Confluent.Kafka;
using LlmOrleans.Messaging.Telemetry;
using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Silo.Kafka;

/// <summary>
/// <c>llmorleans.kafka.consumer.lag</c>: per partition this silo consumes, the partition's high watermark minus
/// the consumer's position, i.e. the messages on it that this silo has not read yet. Computed on the consume
/// thread (which owns the consumer) about once a second from what librdkafka already knows, and kept for the gauge.
/// </summary>
public sealed class ConsumerLag
{
    private const long RefreshEveryMs = 1000;

    private long _nextRefreshAt;
    private volatile IReadOnlyList<PartitionLag> _latest = [];

    public ConsumerLag(IMeterFactory meterFactory) =>
        meterFactory.Create(KafkaTelemetry.Name).CreateObservableGauge(
            "llmorleans.kafka.consumer.lag",
            () => _latest.Select(p => new Measurement<long>(
                p.Lag,
                new KeyValuePair<string, object?>("topic", p.Topic),
                new KeyValuePair<string, object?>("partition", p.Partition))),
            "{message}",
            "Messages not yet read, per assigned partition.");

    /// <summary>The lag of each assigned partition as last computed; empty while none is known.</summary>
    public IReadOnlyList<PartitionLag> Partitions => _latest;

    /// <summary>Recomputes the lag of the assigned partitions, at most once a second. Consume thread only.</summary>
    public void Refresh(IConsumer<byte[], byte[]> consumer)
    {
        var now = Environment.TickCount64;
        if (now < _nextRefreshAt)
        {
            return;
        }

        _nextRefreshAt = now + RefreshEveryMs;
        var lags = new List<PartitionLag>();
        foreach (var partition in consumer.Assignment)
        {
            if (LagOf(consumer, partition) is { } lag)
            {
                lags.Add(new PartitionLag(partition.Topic, partition.Partition.Value, lag));
            }
        }

        _latest = lags;
    }

    /// <summary>The consumer closed: it has no partitions to report.</summary>
    public void Clear() => _latest = [];

    /// <summary>Null while either end is unknown (nothing fetched yet); a metric must never stop the consume loop.</summary>
    private static long? LagOf(IConsumer<byte[], byte[]> consumer, TopicPartition partition)
    {
        try
        {
            var high = consumer.GetWatermarkOffsets(partition).High;
            var position = consumer.Position(partition);
            return high.IsSpecial || position.IsSpecial ? null : Math.Max(0, high.Value - position.Value);
        }
        catch (KafkaException)
        {
            return null;
        }
    }
}
