using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using LlmOrleans.Messaging.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging;

/// <summary>
/// The process's one Kafka producer (acks=all, idempotent), writing JSON values keyed by request id to
/// sticky partitions (<see cref="StickyPartitioner"/>).
/// Each write is a <c>publish {topic}</c> span whose W3C trace context travels in the message headers.
/// Flushed on dispose so nothing acknowledged to a caller is left in the local queue.
/// </summary>
public sealed class KafkaJsonProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly KafkaProduceMetrics _metrics;

    public KafkaJsonProducer(IOptions<KafkaOptions> options, ILogger<KafkaJsonProducer> logger, IMeterFactory meterFactory)
    {
        var config = KafkaClientConfigs.Producer(options.Value, $"llm-orleans-{Environment.ProcessId}");
        var builder = new ProducerBuilder<string, byte[]>(config).SetLogHandler(KafkaLog.To(logger));
        if (options.Value.StickyPartitionWindow > TimeSpan.Zero)
        {
            builder.SetDefaultPartitioner(new StickyPartitioner(options.Value.StickyPartitionWindow, TimeProvider.System).Choose);
        }

        _producer = builder.Build();
        _metrics = new KafkaProduceMetrics(meterFactory);
    }

    /// <summary>Writes <paramref name="value"/> and completes once the broker acknowledged it (or throws).</summary>
    public async Task<DeliveryResult<string, byte[]>> ProduceAsync<T>(
        string topic, string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        using var activity = KafkaTelemetry.StartPublish(topic, key);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var delivered = await _producer.ProduceAsync(topic, CreateMessage(key, value, typeInfo, activity), cancellationToken);
            _metrics.Record(topic, Stopwatch.GetElapsedTime(started), acknowledged: true);
            activity?.SetTag("messaging.destination.partition.id", delivered.Partition.Value.ToString());
            return delivered;
        }
        catch (Exception ex)
        {
            _metrics.Record(topic, Stopwatch.GetElapsedTime(started), acknowledged: false);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/> without waiting: <paramref name="onDelivered"/> runs on the producer's
    /// poll thread once the broker acknowledged it or it failed, so it must be short and must not block. Throws
    /// when the message cannot even be queued (the local queue is full, the message too large).
    /// </summary>
    public void Produce(string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        var started = Stopwatch.GetTimestamp();
        _producer.Produce(topic, message, report =>
        {
            _metrics.Record(topic, Stopwatch.GetElapsedTime(started), acknowledged: !report.Error.IsError);
            onDelivered(report);
        });
    }

    /// <summary>A message keyed by <paramref name="key"/> with <paramref name="value"/> as JSON, carrying <paramref name="activity"/>'s trace context.</summary>
    public static Message<string, byte[]> CreateMessage<T>(string key, T value, JsonTypeInfo<T> typeInfo, Activity? activity) => new()
    {
        Key = key,
        Value = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo),
        Headers = KafkaTraceContext.Inject(activity ?? Activity.Current),
    };

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
