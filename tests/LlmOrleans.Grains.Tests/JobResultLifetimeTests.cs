using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobResultLifetimeTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Get_AfterResultTtl_ReturnsNull()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("short-lived"));
        var grain = cluster.Grain(job);

        await grain.SubmitAsync(job);
        var done = await Eventually.TerminalAsync(grain);
        await Eventually.AnswerMatchesAsync(() => grain.GetAsync().AsTask(), s => s is null, "the result to expire",
            ClusterFixture.Execution.ResultTtl + TimeSpan.FromSeconds(3));
        var goneAt = DateTimeOffset.UtcNow;

        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.True(goneAt >= done.CompletedAt + ClusterFixture.Execution.ResultTtl,
            $"Result vanished {(done.CompletedAt + ClusterFixture.Execution.ResultTtl - goneAt)?.TotalMilliseconds:0} ms early");
        Assert.Null(await grain.GetAsync());
    }
}
