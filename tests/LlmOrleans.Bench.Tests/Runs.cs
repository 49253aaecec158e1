using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Report;

namespace LlmOrleans.Bench.Tests;

/// <summary>Run results for the report tests: only the figures a test sets differ from a quiet, clean run.</summary>
internal static class Runs
{
    public static readonly MemoryFigures Memory = new(250, 300, 70);

    public static readonly RuntimeFigures Runtime = new(1.45, 1.2, 40, 3, 0, 12, 1_000_000, 17_000, 6, 1.3, 2_400);

    public static RunResult Pipeline(double? rate, long? inFlightAtWindowOpen, double? providerLatencyMs = null) => new()
    {
        Target = "gateway",
        Mode = "pipeline",
        Shape = rate is null ? "128 clients" : $"{rate} jobs/s",
        Rate = rate,
        Clients = rate is null ? 128 : null,
        ProviderLatencyMs = providerLatencyMs,
        InFlightAtWindowOpen = inFlightAtWindowOpen,
        MeasuredSeconds = 30,
        Submitted = 78_000,
        SubmittedPerSecond = 2_600,
        Completed = 78_000,
        CompletedPerSecond = 2_600,
        EndToEnd = new LatencySummary(78_000, 17.5, 33.0, 45.3, 120.0, 18.2),
        Errors = new Dictionary<string, long>(),
        MemoryBefore = Memory,
        MemoryAfter = Memory,
        Runtime = Runtime,
    };
}
