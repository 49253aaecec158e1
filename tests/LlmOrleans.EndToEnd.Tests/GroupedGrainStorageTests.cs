using LlmOrleans.Grains;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Silo.Storage;
using LlmOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using StackExchange.Redis;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>The silo's job-state storage (<see cref="GroupedRedisGrainStorage"/>) against a real redis-server.</summary>
public sealed class GroupedGrainStorageTests : IAsyncLifetime
{
    private const string ServiceId = "storage-tests";
    private const string GrainType = "LlmOrleans.Grains.LlmJobGrain";
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(299.5);

    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private ServiceProvider _services = null!;
    private GroupedRedisGrainStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{_redis.Port},abortConnect=false,connectTimeout=2000,asyncTimeout=5000,allowAdmin=true");
        _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _storage = new GroupedRedisGrainStorage(
            new StateCommands(_connection, Expiry),
            new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
            _services.GetRequiredService<IActivatorProvider>(),
            ServiceId);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ManyJobsAtOnce_EachReadsItsOwnState_InFarFewerCommandsThanJobs()
    {
        const int Jobs = 400;
        var before = await RedisCommandStats.ScriptCallsAsync(_connection);

        var fresh = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i => ReadAsync(Id(i))));
        var foundBeforeWriting = fresh.Count(s => s.RecordExists || s.ETag is not null);
        var stored = Enumerable.Range(0, Jobs).Select(i => (Id: Id(i), State: fresh[i])).ToList();
        foreach (var (id, state) in stored)
        {
            state.State = StateOf(id);
        }

        await Task.WhenAll(stored.Select(s => _storage.WriteStateAsync(GrainType, s.Id, s.State)));
        var reread = await Task.WhenAll(stored.Select(s => ReadAsync(s.Id)));
        var commands = await RedisCommandStats.ScriptCallsAsync(_connection) - before;

        Assert.Equal(0, foundBeforeWriting);
        for (var i = 0; i < Jobs; i++)
        {
            Assert.True(reread[i].RecordExists);
            Assert.Equal(stored[i].State.ETag, reread[i].ETag);
            Assert.Equal(StateOf(stored[i].Id).Job, reread[i].State!.Job);
            Assert.Equal("output of " + stored[i].Id.Key, reread[i].State!.Output);
        }

        Assert.True(commands <= 3 * Jobs / 10, $"{3 * Jobs} reads and writes took {commands} commands");
    }

    [Fact]
    public async Task Write_StoresOrleansRedisRecord_UnderOrleansKey_WithTheExpiryRoundedUp()
    {
        var id = Id(1);
        var state = await ReadAsync(id);
        state.State = StateOf(id);

        await _storage.WriteStateAsync(GrainType, id, state);

        var key = $"{ServiceId}/state/{id.Type}/{id.Key}/{GrainType}";
        var db = _connection.GetDatabase();
        var fields = (await db.HashGetAllAsync(key)).Select(f => f.Name.ToString()).Order();
        Assert.Equal(["data", "etag"], fields);
        Assert.Equal(state.ETag, (string?)await db.HashGetAsync(key, "etag"));
        var ttl = await db.KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(295), TimeSpan.FromSeconds(300));
    }

    [Fact]
    public async Task Write_WithAStaleEtag_IsRefused_AndLeavesTheNewerStateInPlace()
    {
        var id = Id(2);
        var first = await ReadAsync(id);
        var second = await ReadAsync(id);
        first.State = StateOf(id);
        await _storage.WriteStateAsync(GrainType, id, first);

        second.State = new JobState { Job = StateOf(id).Job, Output = "stale" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(GrainType, id, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(GrainType, id, second));

        var stored = await ReadAsync(id);
        Assert.Equal("output of " + id.Key, stored.State!.Output);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task Clear_WithTheCurrentEtag_DeletesTheRecord()
    {
        var id = Id(3);
        var state = await ReadAsync(id);
        state.State = StateOf(id);
        await _storage.WriteStateAsync(GrainType, id, state);

        await _storage.ClearStateAsync(GrainType, id, state);

        var after = await ReadAsync(id);
        Assert.False(after.RecordExists);
        Assert.Null(after.State!.Job);
    }

    [Fact]
    public async Task WhileRedisIsDown_ReadsAndWritesFail_RatherThanAnsweringEmpty()
    {
        var id = Id(4);
        var state = await ReadAsync(id);
        state.State = StateOf(id);
        await _storage.WriteStateAsync(GrainType, id, state);

        await _redis.StopAsync();
        var read = ReadAsync(id);
        var write = _storage.WriteStateAsync(GrainType, Id(5), new GrainState<JobState>(StateOf(Id(5))));

        await Assert.ThrowsAnyAsync<RedisException>(() => read);
        await Assert.ThrowsAnyAsync<RedisException>(() => write);
        await _redis.StartAgainAsync();
    }

    private static GrainId Id(int i) => GrainId.Create("llmjob", $"job-{i}-{Guid.NewGuid():N}");

    private static JobState StateOf(GrainId id) => new()
    {
        Job = new LlmJob(id.Key.ToString()!, "echo", "m", "prompt of " + id.Key, DateTimeOffset.UnixEpoch),
        Phase = JobPhase.Succeeded,
        Attempts = 1,
        Output = "output of " + id.Key,
    };

    private async Task<GrainState<JobState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<JobState>();
        await _storage.ReadStateAsync(GrainType, id, state);
        return state;
    }
}
