using LlmOrleans.Grains.Watchdog;
using LlmOrleans.ServiceDefaults;
using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.Silo.Watchdog;

/// <summary>
/// The watchlist as one Redis set per bucket: <c>{ServiceId}/watch/{bucket}</c>. Adds and removals go in groups
/// with other jobs' writes (<see cref="RedisWriteGroups"/>).
/// </summary>
public sealed class RedisJobWatchlist(IConnectionMultiplexer redis, RedisWriteGroups writes, IOptions<ClusterIdentityOptions> cluster)
    : IJobWatchlist
{
    public Task AddAsync(string requestId) => writes.SetAddAsync(Key(WatchlistBuckets.Of(requestId)), requestId);

    public Task RemoveAsync(string requestId) => writes.SetRemoveAsync(Key(WatchlistBuckets.Of(requestId)), requestId);

    public async Task<IReadOnlyList<string>> MembersAsync(int bucket) =>
        (await redis.GetDatabase().SetMembersAsync(Key(bucket))).Select(v => v.ToString()).ToList();

    private RedisKey Key(int bucket) => $"{cluster.Value.ServiceId}/watch/{bucket}";
}
