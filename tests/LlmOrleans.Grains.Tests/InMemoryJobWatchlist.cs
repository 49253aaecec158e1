using System.Collections.Concurrent;
using LlmOrleans.Grains.Watchdog;

namespace LlmOrleans.Grains.Tests;

/// <summary>The watchlist in memory, so tests can see which jobs are on it.</summary>
public sealed class InMemoryJobWatchlist : IJobWatchlist
{
    private readonly ConcurrentDictionary<string, byte> _jobs = new();

    public bool Contains(string requestId) => _jobs.ContainsKey(requestId);

    public Task AddAsync(string requestId)
    {
        _jobs[requestId] = 0;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string requestId)
    {
        _jobs.TryRemove(requestId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> MembersAsync(int bucket) =>
        Task.FromResult<IReadOnlyList<string>>(_jobs.Keys.Where(id => WatchlistBuckets.Of(id) == bucket).ToList());
}
