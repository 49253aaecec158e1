using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Gateway.Ui;

/// <summary>Body of <c>GET /ui/api/overview</c>: the cluster's job figures, added up from every silo's stats.</summary>
/// <param name="At">When the figures were read.</param>
/// <param name="Counts">Jobs by status.</param>
/// <param name="Throughput">Finished jobs per 10 seconds over the last 10 minutes.</param>
/// <param name="Latency">Provider attempts over the last 5 minutes, per provider and model.</param>
/// <param name="Lag">Unread messages per request-topic partition, as its live consumer reports them.</param>
/// <param name="Silos">Every silo with stats in Redis, live or gone.</param>
public sealed record OverviewResponse(
    DateTimeOffset At,
    JobCounts Counts,
    ThroughputSeries Throughput,
    IReadOnlyList<ProviderLatency> Latency,
    IReadOnlyList<PartitionLagRow> Lag,
    IReadOnlyList<SiloRow> Silos);

/// <summary>Jobs by status.</summary>
/// <param name="Queued">Messages on the request topic no silo has read yet (summed lag); null while no live silo reports it.</param>
/// <param name="Running">Jobs running on live silos now.</param>
/// <param name="Succeeded">Jobs succeeded since the service's silos started, gone silos included.</param>
/// <param name="Failed">Jobs failed for good, counted the same way.</param>
/// <param name="Started">Jobs taken from Kafka, counted the same way.</param>
/// <param name="Retries">Attempts retried after a backoff, counted the same way.</param>
public sealed record JobCounts(long? Queued, long Running, long Succeeded, long Failed, long Started, long Retries);

/// <summary>Finished jobs per <paramref name="BucketSeconds"/>, oldest first; the last bucket is still filling.</summary>
public sealed record ThroughputSeries(int BucketSeconds, IReadOnlyList<ThroughputPoint> Points);

/// <summary>Jobs that finished in the bucket starting at <paramref name="Start"/>.</summary>
public sealed record ThroughputPoint(DateTimeOffset Start, int Succeeded, int Failed);

/// <summary>
/// A provider and model's attempts of the last 5 minutes: how many answered and failed, and percentiles of the
/// answered ones' durations (upper bounds of the histogram bucket they fall in, within about 19 %).
/// </summary>
public sealed record ProviderLatency(string Provider, string Model, long Answered, long Failed, double? P50Ms, double? P95Ms, double? P99Ms);

/// <summary>Unread messages on one partition, and the silo consuming it.</summary>
public sealed record PartitionLagRow(string Topic, int Partition, long Lag, string SiloId);

/// <summary>A silo as its stats show it: live, or gone (not heard from within 15 s) with its totals still counted.</summary>
public sealed record SiloRow(string SiloId, string Host, bool Live, DateTimeOffset StartedAt, DateTimeOffset LastSeen, int InFlight, JobTotals Totals);
