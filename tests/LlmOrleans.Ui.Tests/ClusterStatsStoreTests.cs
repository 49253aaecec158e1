using LlmOrleans.Gateway.Ui;
using LlmOrleans.ServiceDefaults;
using LlmOrleans.ServiceDefaults.Stats;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.Ui.Tests;

/// <summary>
/// The stats in Redis, on the pipeline's store but under a service id of their own: silos that stop fold their
/// totals in, gone silos stop counting as running, and silent ones are folded in by a reader exactly once.
/// </summary>
[Collection(UiPipelineCollection.Name)]
public sealed class ClusterStatsStoreTests(UiPipelineFixture fixture) : IAsyncLifetime
{
    private IConnectionMultiplexer _redis = null!;
    private ClusterStatsStore _store = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync($"{fixture.Redis.Host}:{fixture.Redis.Port}");
        _store = new ClusterStatsStore(_redis, Options.Create(new ClusterIdentityOptions { ServiceId = $"stats-{Guid.NewGuid():N}" }));
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Write_KeepsOneEntryPerSilo_AndTheRecentListNewestFirstAndCapped()
    {
        var now = DateTimeOffset.UtcNow;
        var taken = Enumerable.Range(0, ClusterStatsStore.RecentCapacity + 10)
            .Select(i => new RecentJob($"job-{i}", now.AddMilliseconds(i)))
            .ToList();

        await _store.WriteAsync(Snapshot("a", now, new JobTotals(1, 1, 0, 0)), taken[..100]);
        await _store.WriteAsync(Snapshot("a", now, new JobTotals(2, 2, 0, 0)), taken[100..]);
        await _store.WriteAsync(Snapshot("b", now, new JobTotals(3, 3, 0, 0)), []);

        var (silos, retired) = await _store.ReadAsync();
        Assert.Equal(["a", "b"], silos.Select(s => s.Snapshot.SiloId).Order());
        Assert.Equal(5, silos.Sum(s => s.Snapshot.Totals.Succeeded));
        Assert.Equal(JobTotals.Zero, retired);
        var recent = await _store.RecentAsync(ClusterStatsStore.RecentCapacity + 50);
        Assert.Equal(ClusterStatsStore.RecentCapacity, recent.Count);
        Assert.Equal($"job-{taken.Count - 1}", recent[0].RequestId);
        Assert.Equal(taken[^1].CreatedAt.ToUnixTimeMilliseconds(), recent[0].CreatedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Retire_FoldsTheSilosTotalsIn_AndRemovesItsEntry()
    {
        var now = DateTimeOffset.UtcNow;
        await _store.WriteAsync(Snapshot("a", now, new JobTotals(5, 3, 1, 2)), []);
        await _store.WriteAsync(Snapshot("b", now, new JobTotals(1, 1, 0, 0)), []);

        await _store.RetireAsync(Snapshot("a", now, new JobTotals(6, 4, 1, 2)), [new RecentJob("last", now)]);

        var overview = await new ClusterOverviewReader(_store, TimeProvider.System, NullLogger<ClusterOverviewReader>.Instance).ReadAsync();
        Assert.Equal("b", Assert.Single(overview.Silos).SiloId);
        Assert.Equal(5, overview.Counts.Succeeded);
        Assert.Equal(7, overview.Counts.Started);
        Assert.Equal(2, overview.Counts.Retries);
        Assert.Equal("last", (await _store.RecentAsync(1))[0].RequestId);
    }

    [Fact]
    public async Task Reader_FoldsASiloSilentForTenMinutesIntoTheTotals_OnlyOnce()
    {
        var now = DateTimeOffset.UtcNow;
        await _store.WriteAsync(Snapshot("crashed", now - ClusterStatsStore.ForgetAfter - TimeSpan.FromSeconds(1), new JobTotals(9, 8, 1, 0)), []);
        await _store.WriteAsync(Snapshot("alive", now, new JobTotals(1, 1, 0, 0)), []);
        var reader = new ClusterOverviewReader(_store, TimeProvider.System, NullLogger<ClusterOverviewReader>.Instance);

        var first = await Task.WhenAll(reader.ReadAsync(), reader.ReadAsync());
        var after = await reader.ReadAsync();

        Assert.All(first, overview => Assert.Equal(9, overview.Counts.Succeeded));
        Assert.Equal(9, after.Counts.Succeeded);
        Assert.Equal(10, after.Counts.Started);
        Assert.Equal("alive", Assert.Single(after.Silos).SiloId);
    }

    private static SiloStatsSnapshot Snapshot(string siloId, DateTimeOffset writtenAt, JobTotals totals) =>
        new(siloId, "test-host", writtenAt.AddMinutes(-1), writtenAt, totals, 0, [], [], []);
}
