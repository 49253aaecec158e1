using LlmOrleans.ServiceDefaults.Redis;
using LlmOrleans.Testing;
using StackExchange.Redis;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>The silo's grouped Redis writes (watchlist adds and removals, queued-mark deletes) against a real redis-server.</summary>
public sealed class RedisWriteGroupsTests : IAsyncLifetime
{
    private const int Sets = 8;
    private const int Members = 400;
    private const int Keys = 100;

    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{_redis.Port},abortConnect=false,connectTimeout=2000,asyncTimeout=5000,allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentWrites_AllLand_InFarFewerCommandsThanWrites()
    {
        var db = _connection.GetDatabase();
        for (var i = 0; i < Keys; i++)
        {
            await db.StringSetAsync($"key/{i}", i);
        }

        var before = await RedisCommandStats.ScriptCallsAsync(_connection);
        var writes = new RedisWriteGroups(_connection);

        await Task.WhenAll(Enumerable.Range(0, Members).Select(i => writes.SetAddAsync(Set(i), $"m{i}")));
        await Task.WhenAll(Enumerable.Range(0, Members).Where(i => i % 2 == 0).Select(i => writes.SetRemoveAsync(Set(i), $"m{i}"))
            .Concat(Enumerable.Range(0, Keys).Select(i => writes.DeleteAsync($"key/{i}"))));

        for (var s = 0; s < Sets; s++)
        {
            var expected = Enumerable.Range(0, Members).Where(i => i % Sets == s && i % 2 == 1).Select(i => $"m{i}").Order();
            var actual = (await db.SetMembersAsync($"set/{s}")).Select(m => m.ToString()).Order();
            Assert.Equal(expected, actual);
        }

        for (var i = 0; i < Keys; i++)
        {
            Assert.False(await db.KeyExistsAsync($"key/{i}"), $"key/{i} was not deleted");
        }

        var commands = await RedisCommandStats.ScriptCallsAsync(_connection) - before;
        var total = Members + Members / 2 + Keys;
        Assert.True(commands <= total / 10, $"{total} writes took {commands} commands");
    }

    [Fact]
    public async Task WhileRedisIsDown_EveryWriteFails_AndWritesLandOnceItIsBack()
    {
        var writes = new RedisWriteGroups(_connection);
        await writes.SetAddAsync("set/up", "before");

        await _redis.StopAsync();
        var whileDown = Enumerable.Range(0, 20).Select(i => writes.SetAddAsync("set/down", $"m{i}")).ToList();
        var all = Task.WhenAll(whileDown);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.All(whileDown, write => Assert.True(write.IsFaulted, $"a write was {write.Status} 15 s into the outage"));

        await _redis.StartAgainAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    await writes.SetAddAsync("set/up", "after");
                    return true;
                }
                catch (RedisException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "a write after Redis came back");
        var members = (await _connection.GetDatabase().SetMembersAsync("set/up")).Select(m => m.ToString()).Order();
        Assert.Equal(["after", "before"], members);
    }

    private static RedisKey Set(int member) => $"set/{member % Sets}";
}
