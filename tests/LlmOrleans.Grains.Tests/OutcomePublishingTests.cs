using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class OutcomePublishingTests(ClusterFixture cluster)
{
    [Fact]
    public async Task PublishFailure_IsRetriedUntilItSucceeds()
    {
        var job = ClusterFixture.NewJob();
        cluster.Provider.Script(job.Model, Step.Reply("worth announcing"));
        cluster.Outcomes.FailFirst(job.RequestId, 2);

        await cluster.Grain(job).SubmitAsync(job);
        var published = await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");

        Assert.Equal(JobPhase.Succeeded, published[0].Outcome.Phase);
        Assert.Equal("worth announcing", published[0].Outcome.Output);
        Assert.Equal(3, cluster.Outcomes.TriesFor(job.RequestId));
        await Eventually.StaysTrueAsync(() => cluster.Outcomes.TriesFor(job.RequestId) == 3, TimeSpan.FromMilliseconds(200), "no further publishes");
    }
}
