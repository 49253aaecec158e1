namespace LlmOrleans.Grains.Watchdog;

/// <summary>How jobs spread over the watchlist's buckets: the same bucket for an id in every process.</summary>
public static class WatchlistBuckets
{
    /// <summary>Buckets, each swept by one <see cref="JobSweeperGrain"/> with one reminder.</summary>
    public const int Count = 16;

    /// <summary>The bucket of <paramref name="requestId"/> (FNV-1a, stable across processes and runs).</summary>
    public static int Of(string requestId)
    {
        var hash = 2166136261u;
        foreach (var c in requestId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
