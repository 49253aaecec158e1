using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Ui.Tests;

public sealed class LatencyBucketsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.00005)]
    [InlineData(0.0001)]
    [InlineData(0.000123)]
    [InlineData(0.002)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    [InlineData(59.9)]
    [InlineData(600)]
    public void IndexOf_PutsADurationInTheFirstBucketWhoseBoundHoldsIt(double seconds)
    {
        var index = LatencyBuckets.IndexOf(seconds);

        Assert.True(seconds <= LatencyBuckets.UpperBound(index) * (1 + 1e-12));
        Assert.True(index == 0 || seconds > LatencyBuckets.UpperBound(index - 1));
    }

    [Fact]
    public void IndexOf_KeepsADurationOnABoundInTheBucketThatBoundCloses()
    {
        for (var i = 0; i < LatencyBuckets.Count - 1; i++)
        {
            Assert.Equal(i, LatencyBuckets.IndexOf(LatencyBuckets.UpperBound(i)));
        }
    }

    [Fact]
    public void IndexOf_PutsAnythingBeyondTheLastBoundInTheLastBucket() =>
        Assert.Equal(LatencyBuckets.Count - 1, LatencyBuckets.IndexOf(86_400));

    [Fact]
    public void Buckets_AreFourPerDoubling()
    {
        for (var i = 1; i < LatencyBuckets.Count - 1; i++)
        {
            Assert.Equal(Math.Pow(2, 0.25), LatencyBuckets.UpperBound(i) / LatencyBuckets.UpperBound(i - 1), 9);
        }
    }

    [Fact]
    public void Percentile_IsTheBoundOfTheBucketTheRankFallsIn()
    {
        // 90 calls of 10 ms, 9 of 500 ms, 1 of 3 s.
        var counts = Histograms.Of(Enumerable.Repeat(0.010, 90).Concat(Enumerable.Repeat(0.5, 9)).Append(3.0));

        Assert.Equal(Histograms.Bound(0.010), LatencyBuckets.Percentile(counts, 0.50));
        Assert.Equal(Histograms.Bound(0.010), LatencyBuckets.Percentile(counts, 0.90));
        Assert.Equal(Histograms.Bound(0.5), LatencyBuckets.Percentile(counts, 0.95));
        Assert.Equal(Histograms.Bound(0.5), LatencyBuckets.Percentile(counts, 0.99));
        Assert.Equal(Histograms.Bound(3.0), LatencyBuckets.Percentile(counts, 1.0));
    }

    [Fact]
    public void Percentile_OfOneCall_IsItsBucket_AndOfNone_IsUnknown()
    {
        Assert.Equal(Histograms.Bound(0.2), LatencyBuckets.Percentile(Histograms.Of([0.2]), 0.99));
        Assert.Equal(Histograms.Bound(0.2), LatencyBuckets.Percentile(Histograms.Of([0.2]), 0.01));
        Assert.Null(LatencyBuckets.Percentile(new long[LatencyBuckets.Count], 0.5));
        Assert.Null(LatencyBuckets.Percentile([], 0.5));
    }

    [Fact]
    public void Percentile_ErrsByLessThanOneBucketWidth()
    {
        var random = new Random(42);
        var samples = Enumerable.Range(0, 10_000).Select(_ => Math.Exp(random.NextDouble() * 8 - 6)).ToList();
        var counts = Histograms.Of(samples);
        var sorted = samples.Order().ToList();

        foreach (var q in new[] { 0.5, 0.95, 0.99 })
        {
            var exact = sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
            var estimate = LatencyBuckets.Percentile(counts, q)!.Value;
            Assert.InRange(estimate / exact, 1.0, Math.Pow(2, 0.25));
        }
    }

    [Fact]
    public void AddInto_OfTwoSilosHistograms_EqualsTheHistogramOfAllTheirCalls()
    {
        double[] first = [0.001, 0.02, 0.02, 1.5], second = [0.3, 0.02, 45];
        var sum = new long[LatencyBuckets.Count];

        LatencyBuckets.AddInto(sum, Histograms.Of(first));
        LatencyBuckets.AddInto(sum, Trimmed(Histograms.Of(second)));

        Assert.Equal(Histograms.Of(first.Concat(second)), sum);
    }

    private static long[] Trimmed(long[] counts) => counts[..(Array.FindLastIndex(counts, c => c != 0) + 1)];
}
