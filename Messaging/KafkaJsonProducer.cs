using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging;

/// <summary>
/// The process's one Kafka producer (acks=all, idempotent), writing JSON values keyed by request id.
/// Flushed on dispose so nothing acknowledged to a caller is left in the local queue.
/// </summary>
public sealed class KafkaJsonProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;

    public KafkaJsonProducer(IOptions<KafkaOptions> options, ILogger<KafkaJsonProducer> logger)
    {
        var config = KafkaClientConfigs.Producer(options.Value, $"llm-orleans-{Environment.ProcessId}");
        _producer = new ProducerBuilder<string, byte[]>(config).SetLogHandler(KafkaLog.To(logger)).Build();
    }

    /// <summary>Writes <paramref name="value"/> and completes once the broker acknowledged it (or throws).</summary>
    public Task<DeliveryResult<string, byte[]>> ProduceAsync<T>(
        string topic, string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        _producer.ProduceAsync(
            topic,
            new Message<string, byte[]> { Key = key, Value = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo) },
            cancellationToken);

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
