using System.Diagnostics;
using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobRetryTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Submit_WhenProviderFailsTransientlyThenSucceeds_Retries()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Transient("overloaded"), Step.Transient("overloaded"), Step.Reply("at last"));

        await cluster.Grain(job).SubmitAsync(job);
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.Equal("at last", done.Output);
        Assert.Null(done.Error);
        Assert.Equal(3, done.Attempts);
        Assert.Equal(3, cluster.Provider.Calls(job.Model));
    }

    [Fact]
    public async Task Submit_WhenTransientFailuresExhaustAttempts_FailsWithLastError()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model,
            Step.Transient("overloaded (1)"), Step.Transient("overloaded (2)"), Step.Transient("overloaded (3)"), Step.Reply("too late"));

        await cluster.Grain(job).SubmitAsync(job);
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Failed, done.Phase);
        Assert.Equal(3, done.Attempts);
        Assert.Equal("overloaded (3)", done.Error);
        Assert.Null(done.Output);
        Assert.Equal(3, cluster.Provider.Calls(job.Model));
        var published = await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");
        Assert.Equal(JobPhase.Failed, published[0].Outcome.Phase);
        Assert.Equal("overloaded (3)", published[0].Outcome.Error);
    }

    [Fact]
    public async Task Submit_WhenProviderReturns429WithRetryAfter_WaitsBeforeRetrying()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model,
            Step.Transient("rate limited", statusCode: 429, retryAfter: TimeSpan.FromMilliseconds(400)), Step.Reply("ok"));

        await cluster.Grain(job).SubmitAsync(job);
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.Equal(2, done.Attempts);
        var starts = cluster.Provider.CallStarts(job.Model);
        var gap = Stopwatch.GetElapsedTime(starts[0], starts[1]);
        Assert.True(gap >= TimeSpan.FromMilliseconds(350), $"Retried after {gap.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Submit_WhenAttemptTimesOut_CountsItAsTransient()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.HangUntilCancelled(), Step.Reply("second time lucky"));

        await cluster.Grain(job).SubmitAsync(job);
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.Equal("second time lucky", done.Output);
        Assert.Equal(2, done.Attempts);
        var starts = cluster.Provider.CallStarts(job.Model);
        var gap = Stopwatch.GetElapsedTime(starts[0], starts[1]);
        Assert.True(gap >= ClusterFixture.Execution.AttemptTimeout - TimeSpan.FromMilliseconds(50), $"Gave up after {gap.TotalMilliseconds:0} ms");
    }
}
