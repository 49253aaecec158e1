using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Ui.Tests;

/// <summary>Latency histograms built from sample durations, as a silo would count them.</summary>
internal static class Histograms
{
    /// <summary>Counts per <see cref="LatencyBuckets"/> bucket of <paramref name="seconds"/>.</summary>
    public static long[] Of(IEnumerable<double> seconds)
    {
        var counts = new long[LatencyBuckets.Count];
        foreach (var sample in seconds)
        {
            counts[LatencyBuckets.IndexOf(sample)]++;
        }

        return counts;
    }

    /// <summary>The upper bound of the bucket <paramref name="seconds"/> falls in.</summary>
    public static double Bound(double seconds) => LatencyBuckets.UpperBound(LatencyBuckets.IndexOf(seconds));
}
