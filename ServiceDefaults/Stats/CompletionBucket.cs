namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>Jobs that finished within one 10-second bucket starting at <paramref name="Start"/> (Unix seconds, a multiple of 10).</summary>
public sealed record CompletionBucket(long Start, int Succeeded, int Failed)
{
    /// <summary>Width of a bucket.</summary>
    public static readonly TimeSpan Width = TimeSpan.FromSeconds(10);

    /// <summary>How far back buckets are kept: 60 of them.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>Start (Unix seconds) of the bucket <paramref name="at"/> falls in.</summary>
    public static long StartOf(DateTimeOffset at)
    {
        var width = (long)Width.TotalSeconds;
        return at.ToUnixTimeSeconds() / width * width;
    }
}
