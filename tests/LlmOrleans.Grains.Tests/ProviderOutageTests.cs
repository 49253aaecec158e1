using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ProviderOutageTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ProviderDownForLongerThanAllRetries_JobsWaitOnTheCircuitAndSucceedWhenItRecovers()
    {
        // Without the circuit, 3 attempts 10-40 ms apart would all land inside this outage and every job would fail.
        // The first attempts reach the provider together and a down provider takes 50 ms to say so: the circuit
        // then sees the burst's failures before any job can spend its attempts alone (retries are 0-10 ms apart).
        var model = $"outage-{Guid.NewGuid():N}";
        var outage = TimeSpan.FromSeconds(2);
        var recoversAt = DateTime.UtcNow + outage;
        const int jobs = 20;
        var failAfter = TimeSpan.FromMilliseconds(50);
        cluster.Provider.Script(model, Step.Together(jobs, TimeSpan.FromSeconds(5), Step.DownUntil(recoversAt, "back again", failAfter)));
        cluster.Provider.Script(model, Enumerable.Range(0, 200).Select(_ => Step.DownUntil(recoversAt, "back again", failAfter)).ToArray());
        var submitted = Enumerable.Range(0, jobs)
            .Select(_ => ClusterFixture.NewJob() with { Model = model })
            .ToList();

        await Task.WhenAll(submitted.Select(job => cluster.Grain(job).SubmitAsync(job).AsTask()));
        var done = await Task.WhenAll(submitted.Select(job => Eventually.TerminalAsync(cluster.Grain(job), TimeSpan.FromSeconds(20))));

        Assert.All(done, d => Assert.Equal(JobPhase.Succeeded, d.Phase));
        Assert.All(done, d => Assert.Equal("back again", d.Output));
        Assert.True(cluster.Provider.Calls(model) < jobs * ClusterFixture.Execution.MaxAttempts,
            $"the outage should not burn every attempt: {cluster.Provider.Calls(model)} calls for {jobs} jobs");
    }
}
