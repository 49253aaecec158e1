using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobGrainFactoryTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Get_ReachesTheSameGrainAsGetGrain_ForEveryId()
    {
        var factory = new JobGrainFactory(cluster.Cluster.Client);
        var first = ClusterFixture.NewJob();
        var second = ClusterFixture.NewJob();
        cluster.Provider.Script(first.Model, Step.Reply("first"));
        cluster.Provider.Script(second.Model, Step.Reply("second"));

        // The first Get resolves the types, the second takes them from the cache.
        await factory.Get(first.RequestId).SubmitAsync(first);
        await factory.Get(second.RequestId).SubmitAsync(second);

        Assert.Equal(cluster.Grain(second).GetGrainId(), factory.Get(second.RequestId).GetGrainId());
        Assert.Equal("Say hello", await cluster.Grain(first).GetPromptAsync());
        Assert.Equal(second.RequestId, (await cluster.Grain(second).GetAsync())!.RequestId);
        Assert.Null(await factory.Get(Guid.NewGuid().ToString("N")).GetAsync());
    }

    [Fact]
    public void Get_AllocatesLessThanGetGrain_OnceTheTypesAreKnown()
    {
        var factory = new JobGrainFactory(cluster.Cluster.Client);
        var ids = Enumerable.Range(0, 1000).Select(i => $"job-{i}").ToArray();
        factory.Get("warm-up");
        _ = cluster.Cluster.Client.GetGrain<ILlmJobGrain>("warm-up");

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var id in ids)
        {
            _ = factory.Get(id);
        }

        var cached = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var id in ids)
        {
            _ = cluster.Cluster.Client.GetGrain<ILlmJobGrain>(id);
        }

        var uncached = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(cached * 2 < uncached, $"1,000 references: {cached:N0} bytes through the factory, {uncached:N0} through GetGrain");
    }
}
