using StackExchange.Redis;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>What Redis counted itself (<c>INFO commandstats</c>).</summary>
public static class RedisCommandStats
{
    /// <summary>Script calls (EVAL and EVALSHA) so far.</summary>
    public static async Task<long> ScriptCallsAsync(IConnectionMultiplexer connection)
    {
        var info = await connection.GetServers()[0].InfoRawAsync("commandstats");
        return info!.Split('\n')
            .Where(line => line.StartsWith("cmdstat_evalsha:") || line.StartsWith("cmdstat_eval:"))
            .Sum(line => long.Parse(line.Split("calls=")[1].Split(',')[0]));
    }
}
