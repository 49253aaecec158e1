namespace LlmOrleans.Grains.Abstractions;

/// <summary>Bounds of a long poll on a job's result.</summary>
public static class JobWaits
{
    /// <summary>
    /// Longest one wait lasts: well inside Orleans' 30 s response timeout and the idle timeouts of common
    /// proxies and load balancers, so a waiting poll is never cut off as a failure.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
}
