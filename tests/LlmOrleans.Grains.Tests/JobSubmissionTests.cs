using System.Diagnostics;
using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobSubmissionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Submit_NewJob_ReturnsAcceptedAndRunsInBackground()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("Hello!", inputTokens: 11, outputTokens: 3, delay: TimeSpan.FromMilliseconds(300)));
        var grain = cluster.Grain(job);

        var result = await grain.SubmitAsync(job);
        var providerDoneAtReturn = cluster.Provider.CompletedCalls(job.Model);
        var running = await grain.GetAsync();

        Assert.Equal(SubmitResult.Accepted, result);
        Assert.Equal(0, providerDoneAtReturn);
        Assert.Equal(JobPhase.Running, running!.Phase);

        var done = await Eventually.TerminalAsync(grain);
        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.Equal("Hello!", done.Output);
        Assert.Null(done.Error);
        Assert.Equal(new TokenUsage(11, 3), done.Usage);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(job.CreatedAt, done.CreatedAt);
        Assert.NotNull(done.CompletedAt);
        Assert.True(done.CompletedAt >= done.StartedAt);

        var published = await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");
        Assert.Equal(job, published[0].Job);
        Assert.Equal(done, published[0].Outcome);
        await Eventually.StaysTrueAsync(() => cluster.Outcomes.PublishedFor(job.RequestId).Count == 1, TimeSpan.FromMilliseconds(200), "one publish");
    }

    [Fact]
    public async Task Submit_SameJobTwice_RunsOnce()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("first", delay: TimeSpan.FromMilliseconds(100)), Step.Reply("second"));
        var grain = cluster.Grain(job);

        var first = await grain.SubmitAsync(job);
        var whileRunning = await grain.SubmitAsync(job);
        var done = await Eventually.TerminalAsync(grain);
        var afterDone = await grain.SubmitAsync(job);

        Assert.Equal(SubmitResult.Accepted, first);
        Assert.Equal(SubmitResult.Duplicate, whileRunning);
        Assert.Equal(SubmitResult.Duplicate, afterDone);
        Assert.Equal("first", done.Output);
        Assert.Equal(1, cluster.Provider.Calls(job.Model));
        await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId).Count, n => n > 0, "the outcome");
        await Eventually.StaysTrueAsync(() => cluster.Outcomes.PublishedFor(job.RequestId).Count == 1, TimeSpan.FromMilliseconds(200), "one publish");
    }

    [Fact]
    public async Task Get_WhileProviderCallIsInFlight_AnswersImmediately()
    {
        var job = ClusterFixture.NewJob();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Provider.Script(job.Model, Step.ReplyWhenReleased(started, release.Task, TimeSpan.FromSeconds(3), "late"));
        var grain = cluster.Grain(job);

        await grain.SubmitAsync(job);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        var snapshot = await grain.GetAsync();
        clock.Stop();
        var providerDone = cluster.Provider.CompletedCalls(job.Model);
        release.SetResult();

        Assert.Equal(JobPhase.Running, snapshot!.Phase);
        Assert.Equal(0, providerDone);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"GetAsync took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(JobPhase.Succeeded, (await Eventually.TerminalAsync(grain)).Phase);
    }

    [Fact]
    public async Task Get_UnknownJob_ReturnsNull()
    {
        var grain = cluster.Grain(ClusterFixture.NewJob());

        Assert.Null(await grain.GetAsync());
    }
}
