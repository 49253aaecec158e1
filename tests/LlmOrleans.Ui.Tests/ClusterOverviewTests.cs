using LlmOrleans.Gateway.Ui;
using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Ui.Tests;

public sealed class ClusterOverviewTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_005);

    [Fact]
    public void Build_AddsTotalsOfEverySilo_GoneOnesAndRetiredOnesIncluded()
    {
        var overview = ClusterOverview.Build(
            [
                Silo("a", Now, new JobTotals(10, 7, 1, 2), inFlight: 2),
                Silo("b", Now.AddSeconds(-1), new JobTotals(5, 4, 0, 1), inFlight: 1),
                Silo("gone", Now.AddSeconds(-30), new JobTotals(3, 2, 1, 0), inFlight: 4),
            ],
            new JobTotals(100, 90, 10, 5),
            Now);

        Assert.Equal(new JobCounts(0, 3, 103, 12, 118, 8), overview.Counts);
        Assert.Equal([true, true, false], overview.Silos.Select(s => s.Live));
        Assert.Equal([2, 1, 0], overview.Silos.Select(s => s.InFlight));
    }

    [Fact]
    public void Build_QueuedIsTheLagOfLiveSilos_EachPartitionOnceFromTheFreshestReport()
    {
        var overview = ClusterOverview.Build(
            [
                Silo("a", Now.AddSeconds(-3), lag: [new("llm.requests", 0, 7), new("llm.requests", 1, 4)]),
                // Took partition 1 over in a rebalance and reported since.
                Silo("b", Now, lag: [new("llm.requests", 1, 2), new("llm.requests", 2, 1)]),
                Silo("gone", Now.AddMinutes(-1), lag: [new("llm.requests", 3, 50)]),
            ],
            JobTotals.Zero,
            Now);

        Assert.Equal(10, overview.Counts.Queued);
        Assert.Equal(
            [("llm.requests", 0, 7L, "a"), ("llm.requests", 1, 2L, "b"), ("llm.requests", 2, 1L, "b")],
            overview.Lag.Select(p => (p.Topic, p.Partition, p.Lag, p.SiloId)));
    }

    [Fact]
    public void Build_QueuedIsUnknown_WhileNoSiloIsLive()
    {
        var overview = ClusterOverview.Build([Silo("gone", Now.AddSeconds(-16))], JobTotals.Zero, Now);

        Assert.Null(overview.Counts.Queued);
        Assert.Equal(0, overview.Counts.Running);
        Assert.Empty(overview.Lag);
    }

    [Fact]
    public void Build_Throughput_Is60BucketsEndingWithTheCurrentOne_AddedAcrossSilos()
    {
        var current = CompletionBucket.StartOf(Now);
        var overview = ClusterOverview.Build(
            [
                Silo("a", Now, completions: [new(current - 600, 9, 9), new(current - 590, 1, 0), new(current, 2, 1)]),
                Silo("b", Now.AddMinutes(-2), completions: [new(current - 590, 3, 1), new(current - 130, 4, 0)]),
            ],
            JobTotals.Zero,
            Now);

        var points = overview.Throughput.Points;
        Assert.Equal(60, points.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(current - 590), points[0].Start);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(current), points[^1].Start);
        Assert.Equal((4, 1), (points[0].Succeeded, points[0].Failed));
        Assert.Equal(4, points[46].Succeeded);
        Assert.Equal((2, 1), (points[^1].Succeeded, points[^1].Failed));
        Assert.Equal(10, points.Sum(p => p.Succeeded));
    }

    [Fact]
    public void Build_Latency_ReadsPercentilesOffTheSummedHistograms()
    {
        // One silo answered fast, the other slowly: the cluster's p50 is neither silo's p50.
        var fast = Histograms.Of(Enumerable.Repeat(0.05, 60));
        var slow = Histograms.Of(Enumerable.Repeat(2.0, 40));
        var overview = ClusterOverview.Build(
            [
                Silo("a", Now, latency: [new("groq", "llama", fast, 1), new("echo", "echo", Histograms.Of([0.0001]), 0)]),
                Silo("b", Now, latency: [new("groq", "llama", slow, 2)]),
            ],
            JobTotals.Zero,
            Now);

        Assert.Equal(["echo", "groq"], overview.Latency.Select(l => l.Provider));
        var groq = overview.Latency[1];
        Assert.Equal((100L, 3L), (groq.Answered, groq.Failed));
        Assert.Equal(Math.Round(Histograms.Bound(0.05) * 1000, 3), groq.P50Ms);
        Assert.Equal(Math.Round(Histograms.Bound(2.0) * 1000, 3), groq.P95Ms);
        Assert.Equal(Math.Round(Histograms.Bound(2.0) * 1000, 3), groq.P99Ms);
    }

    private static SiloStatsSnapshot Silo(
        string id,
        DateTimeOffset writtenAt,
        JobTotals? totals = null,
        int inFlight = 0,
        IReadOnlyList<CompletionBucket>? completions = null,
        IReadOnlyList<LatencyHistogram>? latency = null,
        IReadOnlyList<PartitionLag>? lag = null) =>
        new(id, "host", writtenAt.AddHours(-1), writtenAt, totals ?? JobTotals.Zero, inFlight, completions ?? [], latency ?? [], lag ?? []);
}
