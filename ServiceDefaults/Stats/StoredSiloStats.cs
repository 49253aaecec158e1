using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>A silo's snapshot as read from Redis, with the stored value it was decoded from.</summary>
public sealed record StoredSiloStats(SiloStatsSnapshot Snapshot, RedisValue Raw);
