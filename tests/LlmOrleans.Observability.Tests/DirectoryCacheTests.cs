using LlmOrleans.Testing;

namespace LlmOrleans.Observability.Tests;

/// <summary>
/// Finished jobs must not stay in the silo's memory. Orleans' directory cache, left at its defaults, kept every
/// job grain's address for up to 4 minutes after its last use (docs/benchmarks.md, target 5).
/// </summary>
[Collection(ObservedPipelineCollection.Name)]
public sealed class DirectoryCacheTests(ObservedPipelineFixture fixture)
{
    private const int Jobs = 40;

    [Fact]
    public async Task FinishedJobs_LeaveTheSilosDirectoryCacheWithinHalfAMinute()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, Jobs)
            .Select(i => fixture.Gateway.SubmitAsync("echo", "cache-model", $"cache me {i}")));
        foreach (var id in ids)
        {
            await fixture.Gateway.WaitForFinishAsync(id);
        }

        // The jobs were cached (their status reads went through it), so the drop below is theirs.
        var cached = PrometheusText.Sum(await fixture.Silo.GetStringAsync("/metrics"), "orleans_directory_cache_size");
        Assert.True(cached >= Jobs, $"expected the {Jobs} finished jobs in the directory cache, found {cached}");

        await Eventually.UntilAsync(
            () => fixture.Silo.GetStringAsync("/metrics"),
            text => PrometheusText.Sum(text, "orleans_directory_cache_size") < Jobs / 2,
            TimeSpan.FromSeconds(30),
            "the finished jobs to leave the directory cache");
    }
}
