using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobFailureTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Submit_WhenProviderFailsPermanently_FailsWithoutRetry()
    {
        var job = ClusterFixture.NewJob();
        var message = $"The model `{job.Model}` does not exist or you do not have access to it.";
        cluster.Provider.Script(job.Model, Step.Permanent(message, statusCode: 404), Step.Reply("should not be asked"));

        await cluster.Grain(job).SubmitAsync(job);
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Failed, done.Phase);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(message, done.Error);
        Assert.Equal(1, cluster.Provider.Calls(job.Model));
        var published = await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");
        Assert.Equal(JobPhase.Failed, published[0].Outcome.Phase);
    }

    [Fact]
    public async Task Submit_UnknownProvider_FailsWithProviderMessage()
    {
        var job = ClusterFixture.NewJob(provider: "nope");

        await cluster.Grain(job).SubmitAsync(job);
        var done = await Eventually.TerminalAsync(cluster.Grain(job));

        Assert.Equal(JobPhase.Failed, done.Phase);
        Assert.Equal(1, done.Attempts);
        Assert.Equal("Unknown provider 'nope'; known providers: scripted", done.Error);
        Assert.Equal(0, cluster.Provider.Calls(job.Model));
    }
}
