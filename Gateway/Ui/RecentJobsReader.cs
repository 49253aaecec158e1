using LlmOrleans.Gateway.Health;
using LlmOrleans.Gateway.Jobs;
using LlmOrleans.Gateway.Security;
using LlmOrleans.ServiceDefaults.Stats;
using StackExchange.Redis;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// The most recently taken jobs (from the silos' capped list in Redis) that the caller may see, with each one's
/// state read through its grain, at most <see cref="MaxConcurrentReads"/> at a time. While the gateway reaches no
/// silo the grains are not asked at all: every job would wait for the cluster and log a fallback.
/// </summary>
public sealed class RecentJobsReader(ClusterStatsStore store, JobStatusReader reader, ClusterConnection connection)
{
    /// <summary>Job reads in flight at once for one request.</summary>
    public const int MaxConcurrentReads = 16;

    /// <summary>
    /// Up to <paramref name="limit"/> of <paramref name="caller"/>'s jobs (every tenant's for an admin), newest
    /// first, picked from the whole list by tenant before any grain is asked; throws when Redis does not answer.
    /// </summary>
    public async Task<IReadOnlyList<RecentJobRow>> ReadAsync(int limit, Caller caller, CancellationToken cancellationToken)
    {
        var listed = await store.RecentAsync(caller.IsAdmin ? limit : ClusterStatsStore.RecentCapacity);
        var recent = listed.Where(job => caller.CanSee(job.Tenant)).DistinctBy(job => job.RequestId).Take(limit).ToList();
        if (connection.ConnectedGateways == 0)
        {
            return recent.Select(job => RecentJobRow.Unread(job, "unknown")).ToList();
        }

        var rows = new RecentJobRow[recent.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, recent.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
            async (i, _) => rows[i] = await ReadOneAsync(recent[i]));
        return rows;
    }

    private async Task<RecentJobRow> ReadOneAsync(RecentJob job)
    {
        try
        {
            return await reader.ReadAsync(job.RequestId) is { } status
                ? RecentJobRow.From(status)
                : RecentJobRow.Unread(job, "expired");
        }
        catch (Exception ex) when (ex is ClusterUnavailableException or RedisException or TimeoutException)
        {
            return RecentJobRow.Unread(job, "unknown");
        }
    }
}
