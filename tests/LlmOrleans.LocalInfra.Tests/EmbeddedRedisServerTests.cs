using StackExchange.Redis;

namespace LlmOrleans.LocalInfra.Tests;

public sealed class EmbeddedRedisServerTests
{
    [Fact]
    public async Task Garnet_RunsLuaScripts()
    {
        using var server = EmbeddedRedisServer.Start();
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{server.Host}:{server.Port}");
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync("greeting", "hello"));
        Assert.Equal("hello", (string?)await db.StringGetAsync("greeting"));

        const string script = "return redis.call('INCRBY', KEYS[1], ARGV[1]) * 10";
        var first = await db.ScriptEvaluateAsync(script, ["counter"], [5]);
        var second = await db.ScriptEvaluateAsync(script, ["counter"], [2]);
        Assert.Equal(50, (long)first);
        Assert.Equal(70, (long)second);
        Assert.Equal(7, (long)await db.StringGetAsync("counter"));
    }

    [Fact]
    public async Task Start_WithExplicitPort_ListensOnThatPort()
    {
        int port;
        using (var probe = EmbeddedRedisServer.Start())
        {
            port = probe.Port;
        }

        using var server = EmbeddedRedisServer.Start(port);
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");

        Assert.Equal(port, server.Port);
        Assert.True(redis.IsConnected);
    }
}
