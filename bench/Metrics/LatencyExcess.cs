namespace LlmOrleans.Bench.Metrics;

/// <summary>How much longer one latency distribution is than another, percentile by percentile, in milliseconds.</summary>
public sealed record LatencyExcess(double P50, double P95, double P99)
{
    public static LatencyExcess Between(LatencySummary measured, LatencySummary floor) =>
        new(measured.P50 - floor.P50, measured.P95 - floor.P95, measured.P99 - floor.P99);
}
