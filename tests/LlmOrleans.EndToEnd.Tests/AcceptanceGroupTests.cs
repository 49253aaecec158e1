using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>
/// Jobs submitted at the same time are accepted in groups (one Redis command, one thread hand-off per group),
/// and every job of every group is acknowledged, readable and run.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AcceptanceGroupTests(PipelineFixture fixture, ITestOutputHelper output)
{
    private const int Jobs = 100;
    private const string GroupSize = "llmorleans_gateway_acceptance_group_size";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task HundredConcurrentSubmits_ShareGroups_AndEveryJobSucceeds()
    {
        var before = await GroupCountsAsync(_ => true);
        var prompts = Enumerable.Range(0, Jobs).Select(i => $"grouped job {i}").ToList();

        var ids = await Task.WhenAll(prompts.Select(p => Http.SubmitAsync("echo", "grouped", p)));

        // The exporter caches a scrape briefly: wait until it shows all of them.
        var after = await GroupCountsAsync(counts => counts.Jobs - before.Jobs >= Jobs);
        var groups = after.Groups - before.Groups;
        Assert.Equal(Jobs, after.Jobs - before.Jobs);
        Assert.True(groups < Jobs, $"{Jobs} concurrent jobs were accepted in {groups} groups: none shared one");
        output.WriteLine($"{Jobs} concurrent jobs accepted in {groups} groups");
        for (var i = 0; i < Jobs; i++)
        {
            var result = await Http.WaitForFinishAsync(ids[i], Timeout);
            Assert.Equal("succeeded", result.GetProperty("status").GetString());
            Assert.Equal(prompts[i], result.GetProperty("output").GetString());
        }
    }

    private async Task<(double Groups, double Jobs)> GroupCountsAsync(Func<(double Groups, double Jobs), bool> done)
    {
        var text = await Eventually.UntilAsync(
            () => Http.GetStringAsync("/metrics"),
            text => done(Counts(text)),
            Timeout,
            "the gateway's group-size histogram");
        return Counts(text);
    }

    private static (double Groups, double Jobs) Counts(string metrics) =>
        (PrometheusText.Sum(metrics, $"{GroupSize}_count") ?? 0, PrometheusText.Sum(metrics, $"{GroupSize}_sum") ?? 0);
}
