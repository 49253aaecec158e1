namespace LlmOrleans.Bench.Metrics;

/// <summary>A latency distribution in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max, double Mean)
{
    /// <summary>The same distribution with a constant (the provider's latency) taken off every figure.</summary>
    public LatencySummary Minus(double ms) => new(
        Count,
        Math.Max(0, P50 - ms),
        Math.Max(0, P95 - ms),
        Math.Max(0, P99 - ms),
        Math.Max(0, Max - ms),
        Math.Max(0, Mean - ms));
}
