using System.Collections.Concurrent;
using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Silo.Stats;

/// <summary>
/// Jobs taken since the last flush, waiting to be pushed onto the recent list. Taking a job costs an enqueue;
/// while Redis is unreachable only the newest <see cref="ClusterStatsStore.RecentCapacity"/> are kept, as many
/// as the list holds anyway.
/// </summary>
internal sealed class RecentlyTaken
{
    private readonly ConcurrentQueue<RecentJob> _jobs = new();

    public void Add(RecentJob job)
    {
        _jobs.Enqueue(job);
        while (_jobs.Count > ClusterStatsStore.RecentCapacity && _jobs.TryDequeue(out _))
        {
        }
    }

    /// <summary>Takes every waiting job out, oldest first.</summary>
    public List<RecentJob> Drain()
    {
        var jobs = new List<RecentJob>();
        while (_jobs.TryDequeue(out var job))
        {
            jobs.Add(job);
        }

        return jobs;
    }

    /// <summary>Puts jobs whose push failed back in front of any taken since, oldest first.</summary>
    public void Return(List<RecentJob> jobs)
    {
        var newer = Drain();
        foreach (var job in jobs.Concat(newer))
        {
            Add(job);
        }
    }
}
