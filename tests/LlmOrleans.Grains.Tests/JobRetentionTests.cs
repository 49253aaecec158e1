using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

public sealed class JobRetentionTests
{
    [Fact]
    public void Full_KeepsPromptAndOutput()
    {
        var state = Finished();

        Assert.False(state.Forget(JobRetention.Full));
        Assert.Equal("a private prompt", state.Prompt);
        Assert.Equal("an answer", state.Output);
    }

    [Fact]
    public void Output_DropsThePromptOnly()
    {
        var state = Finished();

        Assert.True(state.Forget(JobRetention.Output));
        Assert.Null(state.Prompt);
        Assert.Equal("an answer", state.Output);
        Assert.False(state.Forget(JobRetention.Output));
    }

    [Fact]
    public void None_DropsPromptAndOutput_KeepingStatusAndCounts()
    {
        var state = Finished();

        Assert.True(state.Forget(JobRetention.None));
        Assert.Null(state.Prompt);
        Assert.Null(state.Output);
        var snapshot = state.ToSnapshot();
        Assert.Equal(JobPhase.Succeeded, snapshot.Phase);
        Assert.Equal(2, snapshot.Attempts);
        Assert.Equal(new TokenUsage(7, 3), snapshot.Usage);
        Assert.Equal("team-a", snapshot.Tenant);
    }

    private static JobState Finished() => new()
    {
        Job = new LlmJob("id", "echo", "m", "a private prompt", DateTimeOffset.UtcNow, "team-a", "key-1"),
        Phase = JobPhase.Succeeded,
        Attempts = 2,
        Output = "an answer",
        CompletedAt = DateTimeOffset.UtcNow,
        Usage = new TokenUsage(7, 3),
    };
}
