namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>
/// What one silo writes about itself every <see cref="ClusterStatsStore.FlushInterval"/>, as JSON in the
/// field named by its <paramref name="SiloId"/> of the <c>{ServiceId}/stats</c> hash.
/// </summary>
/// <param name="SiloId">The silo's address (<c>ip:port@generation</c>), unique per silo process.</param>
/// <param name="Host">Host name, for people.</param>
/// <param name="StartedAt">When the silo started counting.</param>
/// <param name="WrittenAt">When this snapshot was taken; readers treat a silo not heard from for a while as gone.</param>
/// <param name="Totals">Jobs counted since <paramref name="StartedAt"/>.</param>
/// <param name="InFlight">Jobs running on the silo now.</param>
/// <param name="Completions">Non-empty 10-second buckets of the last 10 minutes, oldest first.</param>
/// <param name="Latency">Provider attempts of the last 5 minutes, per provider and model.</param>
/// <param name="Lag">Per partition the silo consumes, messages it has not read yet.</param>
public sealed record SiloStatsSnapshot(
    string SiloId,
    string Host,
    DateTimeOffset StartedAt,
    DateTimeOffset WrittenAt,
    JobTotals Totals,
    int InFlight,
    IReadOnlyList<CompletionBucket> Completions,
    IReadOnlyList<LatencyHistogram> Latency,
    IReadOnlyList<PartitionLag> Lag);
