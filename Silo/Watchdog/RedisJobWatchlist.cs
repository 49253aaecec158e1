using LlmOrleans.Grains.Watchdog;
using LlmOrleans.ServiceDefaults;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.Silo.Watchdog;

/// <summary>The watchlist as one Redis set per bucket: <c>{ServiceId}/watch/{bucket}</c>.</summary>
public sealed class RedisJobWatchlist(IConnectionMultiplexer redis, IOptions<ClusterIdentityOptions> cluster) : IJobWatchlist
{
    public Task AddAsync(string requestId) =>
        redis.GetDatabase().SetAddAsync(Key(WatchlistBuckets.Of(requestId)), requestId);

    public Task RemoveAsync(string requestId) =>
        redis.GetDatabase().SetRemoveAsync(Key(WatchlistBuckets.Of(requestId)), requestId);

    public async Task<IReadOnlyList<string>> MembersAsync(int bucket) =>
        (await redis.GetDatabase().SetMembersAsync(Key(bucket))).Select(v => v.ToString()).ToList();

    private RedisKey Key(int bucket) => $"{cluster.Value.ServiceId}/watch/{bucket}";
}
