using System.Net;
using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Auth.Tests;

/// <summary>The jobs page's data follows the same keys, scopes and tenants as the job API.</summary>
[Collection(SecuredPipelineCollection.Name)]
public sealed class JobsPageAccessTests(SecuredPipelineFixture pipeline)
{
    [Fact]
    public async Task ThePage_IsPublic_ButItsDataNeedsAKey()
    {
        using var anonymous = pipeline.Client(null);

        using var page = await anonymous.GetAsync("/ui");
        using var recent = await anonymous.GetAsync("/ui/api/jobs/recent");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await ProblemAssert.NamesFieldAsync(recent, HttpStatusCode.Unauthorized, "authorization");
    }

    [Fact]
    public async Task ClusterFigures_NeedTheAdminScope()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        using var admin = pipeline.Client(TestKeys.Admin);

        using var forAlice = await alice.GetAsync("/ui/api/overview");
        using var forAdmin = await admin.GetAsync("/ui/api/overview");

        await ProblemAssert.NamesFieldAsync(forAlice, HttpStatusCode.Forbidden, "scopes");
        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
    }

    [Fact]
    public async Task RecentJobsAndDetail_ShowOnlyTheCallersTenant()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        using var bob = pipeline.Client(TestKeys.Bob);
        using var admin = pipeline.Client(TestKeys.Admin);
        var alices = await alice.SubmitAsync("echo", "echo-small", "alice on the page");
        var bobs = await bob.SubmitAsync("echo", "echo-small", "bob on the page");
        await alice.WaitForFinishAsync(alices);
        await bob.WaitForFinishAsync(bobs);

        // The silos push taken jobs onto the recent list every 2 s.
        var forAdmin = await Eventually.UntilAsync(() => RecentIdsAsync(admin), ids => ids.Contains(alices) && ids.Contains(bobs),
            TimeSpan.FromSeconds(15), "both jobs on the admin's recent list");
        var forAlice = await RecentIdsAsync(alice);
        using var bobReadsAlices = await bob.GetAsync($"/ui/api/jobs/{alices}");
        using var aliceReadsHers = await alice.GetAsync($"/ui/api/jobs/{alices}");

        Assert.Contains(alices, forAlice);
        Assert.DoesNotContain(bobs, forAlice);
        Assert.Contains(bobs, forAdmin);
        Assert.Equal(HttpStatusCode.NotFound, bobReadsAlices.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aliceReadsHers.StatusCode);
    }

    private static async Task<List<string>> RecentIdsAsync(HttpClient http)
    {
        var body = JsonDocument.Parse(await http.GetStringAsync("/ui/api/jobs/recent?limit=200")).RootElement;
        return body.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("request_id").GetString()!).ToList();
    }
}
