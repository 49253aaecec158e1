using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Watchdog;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WatchdogTests(ClusterFixture cluster)
{
    [Fact]
    public async Task AcceptedJob_IsOnTheWatchlistUntilItsOutcomeIsPublished()
    {
        var job = ClusterFixture.NewJob();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        cluster.Provider.Script(job.Model, Step.ReplyWhenReleased(started, release.Task, TimeSpan.FromSeconds(5), "done"));

        await cluster.Grain(job).SubmitAsync(job);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(cluster.Watchlist.Contains(job.RequestId));

        release.SetResult();
        await Eventually.TerminalAsync(cluster.Grain(job));
        await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");
        await Eventually.MatchesAsync(() => cluster.Watchlist.Contains(job.RequestId), onList => !onList, "the job to leave the watchlist");
    }

    [Fact]
    public async Task Resume_OfAJobWhoseActivationDied_RunsItToTheEnd()
    {
        var job = ClusterFixture.NewJob();
        var started = new TaskCompletionSource();
        cluster.Provider.Script(job.Model, Step.ReplyWhenReleased(started, Task.Delay(Timeout.Infinite), TimeSpan.FromSeconds(30), "never"),
            Step.Reply("after the resume"));
        await cluster.Grain(job).SubmitAsync(job);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        // Deactivating mid-call abandons the attempt, as a silo crash would; the watchdog's poke brings it back.
        await cluster.Cluster.DeactivateAsync(cluster.Grain(job));
        await cluster.Cluster.Client.GetGrain<IResumableJobGrain>(job.RequestId).ResumeAsync();
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.Equal("after the resume", done.Output);
    }
}
