using System.Diagnostics;
using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobWaitTests(ClusterFixture cluster)
{
    [Fact]
    public async Task WaitFinished_RunningJob_AnswersWhenTheJobFinishesNotAtTheTimeout()
    {
        var job = ClusterFixture.NewJob();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Provider.Script(job.Model, Step.ReplyWhenReleased(started, release.Task, TimeSpan.FromSeconds(10), "done"));
        var grain = cluster.Grain(job);
        await grain.SubmitAsync(job);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var waits = Enumerable.Range(0, 3).Select(_ => grain.WaitFinishedAsync(TimeSpan.FromSeconds(15)).AsTask()).ToArray();
        var whileWaiting = await grain.GetAsync();
        await Task.Delay(200);
        var answeredEarly = waits.Count(w => w.IsCompleted);
        var clock = Stopwatch.StartNew();
        release.SetResult();
        var answers = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(5));
        clock.Stop();

        Assert.Equal(JobPhase.Running, whileWaiting!.Phase);
        Assert.Equal(0, answeredEarly);
        Assert.All(answers, a => Assert.Equal((JobPhase.Succeeded, "done"), (a!.Phase, a.Output)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the waits answered {clock.ElapsedMilliseconds} ms after the job finished");
    }

    [Fact]
    public async Task WaitFinished_JobStillRunningAtTheTimeout_AnswersItAsItStands()
    {
        var job = ClusterFixture.NewJob();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Provider.Script(job.Model, Step.ReplyWhenReleased(started, release.Task, TimeSpan.FromSeconds(10), "late"));
        var grain = cluster.Grain(job);
        await grain.SubmitAsync(job);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var clock = Stopwatch.StartNew();
        var answer = await grain.WaitFinishedAsync(TimeSpan.FromMilliseconds(300));
        clock.Stop();
        release.SetResult();

        Assert.Equal(JobPhase.Running, answer!.Phase);
        Assert.Null(answer.Output);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.ElapsedMilliseconds} ms, before its timeout");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task WaitFinished_BeforeTheJobArrives_AnswersOnceItIsSubmittedAndDone()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("after a wait", delay: TimeSpan.FromMilliseconds(100)));
        var grain = cluster.Grain(job);

        var wait = grain.WaitFinishedAsync(TimeSpan.FromSeconds(15)).AsTask();
        await Task.Delay(200);
        var answeredBeforeSubmit = wait.IsCompleted;
        await grain.SubmitAsync(job);
        var answer = await wait.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(answeredBeforeSubmit);
        Assert.Equal((JobPhase.Succeeded, "after a wait"), (answer!.Phase, answer.Output));
    }

    [Fact]
    public async Task WaitFinished_FinishedJob_AnswersAtOnce()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("already"));
        var grain = cluster.Grain(job);
        await grain.SubmitAsync(job);
        await Eventually.TerminalAsync(grain);

        var clock = Stopwatch.StartNew();
        var answer = await grain.WaitFinishedAsync(TimeSpan.FromSeconds(15));
        clock.Stop();

        Assert.Equal("already", answer!.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"answered after {clock.ElapsedMilliseconds} ms");
    }
}
