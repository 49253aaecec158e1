using System.Diagnostics.Metrics;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>The gateway's own metrics (meter <c>LlmOrleans.Gateway</c>).</summary>
public sealed class GatewayMetrics(IMeterFactory meterFactory)
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "LlmOrleans.Gateway";

    private readonly Counter<long> _accepted = meterFactory.Create(MeterName)
        .CreateCounter<long>("llmorleans.jobs.accepted", "{job}", "Jobs accepted: queued and acknowledged by Kafka (HTTP 202).");

    private readonly Histogram<int> _groupSizes = meterFactory.Create(MeterName).CreateHistogram(
        "llmorleans.gateway.acceptance.group.size", "{job}", "Jobs accepted together: one Redis command and one thread hand-off per group.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    /// <summary>A job for <paramref name="provider"/> was accepted.</summary>
    public void Accepted(string provider) => _accepted.Add(1, new KeyValuePair<string, object?>("provider", provider));

    /// <summary><paramref name="size"/> jobs went to Redis and Kafka together.</summary>
    public void GroupStarted(int size) => _groupSizes.Record(size);
}
