namespace LlmOrleans.Grains.Watchdog;

/// <summary>
/// Durable list of jobs accepted but not yet finished and published, split into
/// <see cref="WatchlistBuckets.Count"/> buckets. A job is on it from acceptance until its outcome is published;
/// <see cref="JobSweeperGrain"/>s walk it to resume the jobs of a silo that died.
/// </summary>
public interface IJobWatchlist
{
    /// <summary>Puts the job on the list (idempotent).</summary>
    Task AddAsync(string requestId);

    /// <summary>Takes the job off the list (idempotent).</summary>
    Task RemoveAsync(string requestId);

    /// <summary>The jobs on the list in <paramref name="bucket"/>.</summary>
    Task<IReadOnlyList<string>> MembersAsync(int bucket);
}
