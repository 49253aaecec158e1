using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class JobOwnershipTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Tenant_IsReported_AndTheQuotaPlaceIsReleasedOnlyAfterTheOutcomeIsPublished()
    {
        var job = ClusterFixture.NewJob() with { Tenant = "team-a", KeyId = "team-a-1" };
        cluster.Provider.Script(job.Model, Step.Reply("mine"));
        cluster.Outcomes.FailFirst(job.RequestId, 2);

        await cluster.Grain(job).SubmitAsync(job);
        await Eventually.MatchesAsync(() => cluster.Outcomes.PublishedFor(job.RequestId), p => p.Count > 0, "the outcome");
        await Eventually.MatchesAsync(() => cluster.Quota.WasReleased(job.RequestId), released => released, "the quota release");

        var snapshot = await cluster.Grain(job).GetAsync();
        Assert.Equal("team-a", snapshot!.Tenant);
        Assert.Equal("Say hello", await cluster.Grain(job).GetPromptAsync());
    }

    [Fact]
    public async Task Prompt_IsNullForAnUnknownJob()
    {
        Assert.Null(await cluster.Cluster.Client.GetGrain<ILlmJobGrain>(Guid.NewGuid().ToString("N")).GetPromptAsync());
    }
}
