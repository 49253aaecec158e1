using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// Adds the silos' stats up into the overview. Totals, completions and latency count every silo's entry,
/// gone ones included (what they counted happened); in-flight jobs and lag count live silos only, and a
/// partition two live silos report (during a rebalance) counts once, from the freshest report.
/// </summary>
public static class ClusterOverview
{
    private static readonly int BucketSeconds = (int)CompletionBucket.Width.TotalSeconds;
    private static readonly int Buckets = (int)(CompletionBucket.Kept / CompletionBucket.Width);

    /// <summary>The overview at <paramref name="now"/> from each silo's last snapshot and the retired silos' totals.</summary>
    public static OverviewResponse Build(IReadOnlyList<SiloStatsSnapshot> silos, JobTotals retired, DateTimeOffset now)
    {
        var live = silos.Where(s => IsLive(s, now)).ToList();
        var totals = silos.Aggregate(retired, (sum, silo) => sum.Plus(silo.Totals));
        var lag = Lag(live);
        var counts = new JobCounts(
            live.Count == 0 ? null : lag.Sum(p => p.Lag),
            live.Sum(s => (long)s.InFlight),
            totals.Succeeded,
            totals.Failed,
            totals.Started,
            totals.Retries);
        var rows = silos
            .OrderBy(s => s.SiloId, StringComparer.Ordinal)
            .Select(s => new SiloRow(s.SiloId, s.Host, IsLive(s, now), s.StartedAt, s.WrittenAt, IsLive(s, now) ? s.InFlight : 0, s.Totals))
            .ToList();
        return new OverviewResponse(now, counts, Throughput(silos, now), Latency(silos), lag, rows);
    }

    /// <summary>Whether the silo wrote its stats recently enough to count as running.</summary>
    public static bool IsLive(SiloStatsSnapshot silo, DateTimeOffset now) => now - silo.WrittenAt <= ClusterStatsStore.GoneAfter;

    private static ThroughputSeries Throughput(IReadOnlyList<SiloStatsSnapshot> silos, DateTimeOffset now)
    {
        var first = CompletionBucket.StartOf(now) - (Buckets - 1) * BucketSeconds;
        var succeeded = new int[Buckets];
        var failed = new int[Buckets];
        foreach (var bucket in silos.SelectMany(s => s.Completions))
        {
            var index = (bucket.Start - first) / BucketSeconds;
            if (index >= 0 && index < Buckets)
            {
                succeeded[index] += bucket.Succeeded;
                failed[index] += bucket.Failed;
            }
        }

        var points = Enumerable.Range(0, Buckets)
            .Select(i => new ThroughputPoint(DateTimeOffset.FromUnixTimeSeconds(first + i * BucketSeconds), succeeded[i], failed[i]))
            .ToList();
        return new ThroughputSeries(BucketSeconds, points);
    }

    private static List<ProviderLatency> Latency(IReadOnlyList<SiloStatsSnapshot> silos) =>
        silos
            .SelectMany(s => s.Latency)
            .GroupBy(h => (h.Provider, h.Model))
            .Select(group =>
            {
                var counts = new long[LatencyBuckets.Count];
                foreach (var histogram in group)
                {
                    LatencyBuckets.AddInto(counts, histogram.Counts);
                }

                return new ProviderLatency(
                    group.Key.Provider,
                    group.Key.Model,
                    counts.Sum(),
                    group.Sum(h => h.FailedAttempts),
                    Milliseconds(LatencyBuckets.Percentile(counts, 0.50)),
                    Milliseconds(LatencyBuckets.Percentile(counts, 0.95)),
                    Milliseconds(LatencyBuckets.Percentile(counts, 0.99)));
            })
            .OrderBy(l => l.Provider, StringComparer.Ordinal).ThenBy(l => l.Model, StringComparer.Ordinal)
            .ToList();

    private static List<PartitionLagRow> Lag(List<SiloStatsSnapshot> live) =>
        live
            .SelectMany(s => s.Lag.Select(p => (Silo: s, Partition: p)))
            .GroupBy(x => (x.Partition.Topic, x.Partition.Partition))
            .Select(group => group.MaxBy(x => x.Silo.WrittenAt))
            .Select(x => new PartitionLagRow(x.Partition.Topic, x.Partition.Partition, x.Partition.Lag, x.Silo.SiloId))
            .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition)
            .ToList();

    private static double? Milliseconds(double? seconds) => seconds is { } s ? Math.Round(s * 1000, 3) : null;
}
