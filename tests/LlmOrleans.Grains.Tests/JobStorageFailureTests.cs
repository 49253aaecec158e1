using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobStorageFailureTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Submit_WhenStoringTheJobFails_RetriedSubmitRunsTheJob()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("stored at the second try"));
        cluster.StorageFaults.FailNextWrites(job.RequestId, 1);
        var grain = cluster.Grain(job);

        // The dispatcher retries a submit that threw, so the job must not be lost to the first failure.
        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(job).AsTask());
        var retried = await grain.SubmitAsync(job);
        var done = await Eventually.TerminalAsync(grain, TimeSpan.FromSeconds(3));

        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.Equal(1, cluster.Provider.Calls(job.Model));
        Assert.Equal(SubmitResult.Accepted, retried);
    }

    [Fact]
    public async Task Completion_WhenStoringTheResultFails_RetriesTheWriteBeforePublishing()
    {
        var job = ClusterFixture.NewJob();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Provider.Script(job.Model, Step.ReplyWhenReleased(started, release.Task, TimeSpan.FromSeconds(3), "kept"));
        var grain = cluster.Grain(job);

        await grain.SubmitAsync(job);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cluster.StorageFaults.FailNextWrites(job.RequestId, 2);
        release.SetResult();

        // Submit and the result: two writes once the two failures are retried, and only then the publish.
        await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");
        Assert.Equal(2, cluster.StorageFaults.StoredWrites(job.RequestId));
        Assert.Single(cluster.Outcomes.PublishedFor(job.RequestId));

        await cluster.Cluster.DeactivateAsync(grain);
        var reloaded = await grain.GetAsync();

        Assert.Equal(JobPhase.Succeeded, reloaded!.Phase);
        Assert.Equal("kept", reloaded.Output);
        await Eventually.StaysTrueAsync(() => cluster.Outcomes.PublishedFor(job.RequestId).Count == 1, TimeSpan.FromMilliseconds(200),
            "one publish after reactivation");
    }
}
