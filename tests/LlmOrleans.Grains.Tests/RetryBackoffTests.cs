namespace LlmOrleans.Grains.Tests;

public sealed class RetryBackoffTests
{
    private static readonly JobExecutionOptions Options = new()
    {
        BackoffBase = TimeSpan.FromMilliseconds(100),
        BackoffMax = TimeSpan.FromSeconds(1),
    };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(60, 1000)]
    public void Next_WithoutRetryAfter_UsesFullJitterUpToTheCappedExponentialCeiling(int attempt, int ceilingMs)
    {
        var random = new Random(attempt);
        var delays = Enumerable.Range(0, 2000).Select(_ => RetryBackoff.Next(attempt, null, Options, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d.TotalMilliseconds, 0, ceilingMs));
        Assert.True(delays.Min().TotalMilliseconds < ceilingMs * 0.05, $"Smallest delay {delays.Min().TotalMilliseconds} ms");
        Assert.True(delays.Max().TotalMilliseconds > ceilingMs * 0.95, $"Largest delay {delays.Max().TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 200)]
    [InlineData(0.999, 399.6)]
    public void Next_ScalesTheCeilingByTheRandomFraction(double fraction, double expectedMs)
    {
        var delay = RetryBackoff.Next(3, null, Options, new FixedRandom(fraction));

        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Next_WithRetryAfter_WaitsExactlyThatLong()
    {
        var delay = RetryBackoff.Next(1, TimeSpan.FromMilliseconds(750), Options, new FixedRandom(0.0));

        Assert.Equal(TimeSpan.FromMilliseconds(750), delay);
    }

    [Fact]
    public void Next_WithRetryAfterAboveBackoffMax_IsCappedByBackoffMax()
    {
        var delay = RetryBackoff.Next(1, TimeSpan.FromMinutes(5), Options, new FixedRandom(0.0));

        Assert.Equal(Options.BackoffMax, delay);
    }

    private sealed class FixedRandom(double fraction) : Random
    {
        public override double NextDouble() => fraction;
    }
}
