using System.Diagnostics.Metrics;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>The gateway's own metrics (meter <c>LlmOrleans.Gateway</c>).</summary>
public sealed class GatewayMetrics(IMeterFactory meterFactory)
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "LlmOrleans.Gateway";

    private readonly Counter<long> _accepted = meterFactory.Create(MeterName)
        .CreateCounter<long>("llmorleans.jobs.accepted", "{job}", "Jobs accepted: queued and acknowledged by Kafka (HTTP 202).");

    /// <summary>A job for <paramref name="provider"/> was accepted.</summary>
    public void Accepted(string provider) => _accepted.Add(1, new KeyValuePair<string, object?>("provider", provider));
}
