namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>
/// One provider and model's attempts over the last 5 minutes on one silo: successful attempts' durations as
/// counts per <see cref="LatencyBuckets"/> bucket (trailing empty buckets left out), and failed attempts counted.
/// </summary>
public sealed record LatencyHistogram(string Provider, string Model, long[] Counts, long FailedAttempts)
{
    /// <summary>How far back attempts are counted.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(5);
}
