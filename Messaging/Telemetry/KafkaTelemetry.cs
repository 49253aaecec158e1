using System.Diagnostics;
using Confluent.Kafka;

namespace LlmOrleans.Messaging.Telemetry;

/// <summary>
/// The Kafka side's activity source and meter (both <c>LlmOrleans.Kafka</c>): a span for every message
/// produced and for every consumed message handed on, joined into one trace by the message headers.
/// </summary>
public static class KafkaTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "LlmOrleans.Kafka";

    /// <summary>Spans of produced and consumed messages.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Starts <c>publish {topic}</c>, a producer span under the current activity; null when nobody listens.</summary>
    public static Activity? StartPublish(string topic, string key)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"publish {topic}", ActivityKind.Producer);
        return activity?
            .SetTag("messaging.system", "kafka")
            .SetTag("messaging.operation.type", "send")
            .SetTag("messaging.destination.name", topic)
            .SetTag("messaging.kafka.message.key", key);
    }

    /// <summary>
    /// Starts a consumer span named <paramref name="name"/> for one consumed message: a child of the span
    /// that produced it when the message carries W3C trace context, else a new trace.
    /// </summary>
    public static Activity? StartProcess(ConsumeResult<byte[], byte[]> message, string name)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = KafkaTraceContext.Extract(message.Message.Headers) ?? default;
        var activity = Source.StartActivity(name, ActivityKind.Consumer, parent);
        return activity?
            .SetTag("messaging.system", "kafka")
            .SetTag("messaging.operation.type", "process")
            .SetTag("messaging.destination.name", message.Topic)
            .SetTag("messaging.destination.partition.id", message.Partition.Value.ToString())
            .SetTag("messaging.kafka.offset", message.Offset.Value);
    }
}
