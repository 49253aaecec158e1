namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>
/// The fixed exponential buckets provider latency is counted in. Every silo uses the same ones, so a reader
/// adds histograms from several silos bucket by bucket and reads percentiles off the sum without losing
/// anything to merging. Bucket <c>i</c> holds durations up to 0.1 ms × 2^(i/4): four buckets per doubling,
/// so a percentile is known to within one bucket, about 19 %. The last bucket holds everything above 700 s.
/// </summary>
public static class LatencyBuckets
{
    /// <summary>Number of buckets, the last one unbounded.</summary>
    public const int Count = 93;

    private const double FirstBoundSeconds = 0.0001;
    private const double PerDoubling = 4;

    /// <summary>The bucket a duration of <paramref name="seconds"/> falls in.</summary>
    public static int IndexOf(double seconds)
    {
        if (!(seconds > FirstBoundSeconds))
        {
            return 0;
        }

        // The small tolerance keeps a duration exactly on a bound in the bucket that bound closes.
        var index = (int)Math.Ceiling(PerDoubling * Math.Log2(seconds / FirstBoundSeconds) - 1e-9);
        return Math.Min(index, Count - 1);
    }

    /// <summary>The largest duration bucket <paramref name="index"/> holds, in seconds (the last finite bound for the last bucket).</summary>
    public static double UpperBound(int index) =>
        FirstBoundSeconds * Math.Pow(2, Math.Min(index, Count - 2) / PerDoubling);

    /// <summary>
    /// The <paramref name="quantile"/> (0–1) of the durations counted in <paramref name="counts"/>, as the upper
    /// bound of the bucket the rank falls in (so "p95 ≤ this"); null when nothing was counted.
    /// </summary>
    public static double? Percentile(IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        var seen = 0L;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return UpperBound(i);
            }
        }

        return UpperBound(counts.Count - 1);
    }

    /// <summary>Adds <paramref name="counts"/> into <paramref name="sum"/> bucket by bucket.</summary>
    public static void AddInto(long[] sum, IReadOnlyList<long> counts)
    {
        for (var i = 0; i < counts.Count && i < sum.Length; i++)
        {
            sum[i] += counts[i];
        }
    }
}
