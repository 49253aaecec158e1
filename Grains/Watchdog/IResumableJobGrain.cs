namespace LlmOrleans.Grains.Watchdog;

/// <summary>What the sweeper asks of a job on the watchlist.</summary>
[Alias("LlmOrleans.IResumableJobGrain")]
public interface IResumableJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the job is progressing: resumes it if it is running with no activation working on it,
    /// publishes its stored outcome if that never happened, or takes a stale entry off the watchlist.
    /// </summary>
    [Alias("Resume")]
    Task ResumeAsync();
}
