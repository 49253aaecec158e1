using System.Diagnostics.Metrics;

namespace LlmOrleans.Messaging.Telemetry;

/// <summary><c>llmorleans.kafka.produce.duration</c>: from handing a message to the producer to the broker's acknowledgement.</summary>
internal sealed class KafkaProduceMetrics(IMeterFactory meterFactory)
{
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _duration = meterFactory.Create(KafkaTelemetry.Name).CreateHistogram(
        "llmorleans.kafka.produce.duration",
        unit: "s",
        description: "Time from producing a message until the broker acknowledged it (acks=all), or the produce failed.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    public void Record(string topic, TimeSpan elapsed, bool acknowledged) =>
        _duration.Record(elapsed.TotalSeconds, new("topic", topic), new("outcome", acknowledged ? "ok" : "error"));
}
