using LlmOrleans.Bench.Metrics;

namespace LlmOrleans.Bench.Tests;

/// <summary>The histogram every latency figure of the bench comes from.</summary>
public sealed class LatencyHistogramTests
{
    /// <summary>The layout's promise: a value read back is within 1/128 of what was recorded.</summary>
    private const double Resolution = 1.0 / 128;

    [Fact]
    public void Nothing_recorded_has_no_summary() => Assert.Null(new LatencyHistogram().Summarize());

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Percentiles_are_those_of_the_recorded_values_within_the_resolution(int seed)
    {
        // Log-normal around 17 ms, a long tail to seconds: the shape of an open-loop run.
        var random = new Random(seed);
        var values = Enumerable.Range(0, 50_000)
            .Select(_ => (long)Math.Exp(Math.Log(17_000) + 0.8 * Normal(random)))
            .ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.RecordMicros(value);
        }

        var summary = histogram.Summarize()!;
        Array.Sort(values);
        Assert.Equal(values.Length, summary.Count);
        AssertClose(Exact(values, 50), summary.P50);
        AssertClose(Exact(values, 95), summary.P95);
        AssertClose(Exact(values, 99), summary.P99);
        Assert.Equal(values[^1] / 1000.0, summary.Max);
        Assert.Equal(values.Average() / 1000.0, summary.Mean, 6);
    }

    [Fact]
    public void Small_values_are_kept_exactly()
    {
        var histogram = new LatencyHistogram();
        foreach (var micros in new long[] { 3, 3, 5, 90, 127 })
        {
            histogram.RecordMicros(micros);
        }

        var summary = histogram.Summarize()!;
        Assert.Equal(0.005, summary.P50);
        Assert.Equal(0.127, summary.P99);
    }

    [Fact]
    public void A_negative_duration_counts_as_zero()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicros(-250);

        var summary = histogram.Summarize()!;
        Assert.Equal(1, summary.Count);
        Assert.Equal(0, summary.Max);
    }

    [Fact]
    public void A_percentile_never_exceeds_the_largest_value()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicros(1_000_001);

        var summary = histogram.Summarize()!;
        Assert.Equal(1_000.001, summary.P50);
        Assert.Equal(1_000.001, summary.Max);
    }

    [Fact]
    public void Concurrent_records_are_all_counted()
    {
        var histogram = new LatencyHistogram();
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                histogram.RecordMicros(1_000 + worker);
            }
        });

        var summary = histogram.Summarize()!;
        Assert.Equal(200_000, summary.Count);
        Assert.Equal(1.007, summary.Max);
        Assert.Equal(1.0035, summary.Mean, 6);
    }

    private static double Exact(long[] sorted, double percentile) =>
        sorted[(int)Math.Ceiling(percentile / 100 * sorted.Length) - 1] / 1000.0;

    private static void AssertClose(double expected, double actual) =>
        Assert.InRange(actual, expected * (1 - Resolution), expected * (1 + Resolution));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
