using LlmOrleans.Bench.Metrics;

namespace LlmOrleans.Bench.Report;

/// <summary>Everything one invocation measured: the runs, the target, the machine.</summary>
public sealed record BenchReport
{
    public required string Command { get; init; }

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    public required string Target { get; init; }

    public string Machine { get; init; } =
        $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $".NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    public required IReadOnlyList<RunResult> Runs { get; init; }

    /// <summary>Gateway submitted/s ÷ bare-Kestrel submitted/s, when both ran.</summary>
    public double? GatewayToBaselineRatio { get; init; }

    /// <summary>The pipeline's end-to-end time beyond two bare Kafka hops at the same load, when both ran.</summary>
    public LatencyExcess? OverKafkaBaseline { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>No run had an error (failed request, failed or incomplete job).</summary>
    public bool Clean => Runs.All(r => r.ErrorCount == 0);
}
