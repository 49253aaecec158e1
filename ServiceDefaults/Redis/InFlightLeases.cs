using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>
/// Counts each API key's jobs in flight across all gateways and silos: a Redis sorted set per key,
/// <c>{ServiceId}/inflight/{keyId}</c>, of request ids scored by when their lease runs out. The gateway takes
/// a place when it accepts a job; the silo gives it back once the job's outcome is published. A place whose
/// release was lost (a crash at the wrong moment) frees itself when its lease runs out.
/// </summary>
public sealed class InFlightLeases(IConnectionMultiplexer redis, IOptions<ClusterIdentityOptions> cluster, TimeProvider time)
{
    // Atomic: drop expired places, refuse when full, else take one. Returns 1 when taken, 0 when full.
    private const string AcquireScript = """
        local now = tonumber(ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    /// <summary>Takes a place for <paramref name="requestId"/>; false when <paramref name="keyId"/> already has <paramref name="max"/>.</summary>
    public async Task<bool> TryAcquireAsync(string keyId, string requestId, int max, TimeSpan lease)
    {
        var taken = await redis.GetDatabase().ScriptEvaluateAsync(
            AcquireScript,
            [Key(keyId)],
            [time.GetUtcNow().ToUnixTimeMilliseconds(), max, (long)lease.TotalMilliseconds, requestId]);
        return (int)taken == 1;
    }

    /// <summary>Gives the place back without waiting for Redis.</summary>
    public void Release(string keyId, string requestId) =>
        redis.GetDatabase().SortedSetRemove(Key(keyId), requestId, CommandFlags.FireAndForget);

    private RedisKey Key(string keyId) => $"{cluster.Value.ServiceId}/inflight/{keyId}";
}
