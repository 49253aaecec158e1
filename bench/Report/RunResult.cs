using LlmOrleans.Bench.Metrics;

namespace LlmOrleans.Bench.Report;

/// <summary>Every figure of one run; null where the mode does not measure it.</summary>
public sealed record RunResult
{
    /// <summary>What was driven: <c>gateway</c>, <c>kestrel baseline</c>.</summary>
    public required string Target { get; init; }

    /// <summary><c>submit</c>, <c>pipeline</c> or <c>burst</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>How the load was shaped, in words (connections, rate or clients, window).</summary>
    public required string Shape { get; init; }

    /// <summary>How results were seen: <c>kafka</c> (llm.responses) or <c>poll</c> (GET /result).</summary>
    public string? ResultsVia { get; init; }

    public int Connections { get; init; }

    /// <summary>Open loop: the target rate in jobs/s.</summary>
    public double? Rate { get; init; }

    /// <summary>Closed-loop pipeline: clients each waiting for their result.</summary>
    public int? Clients { get; init; }

    /// <summary>Burst: jobs submitted at once.</summary>
    public int? Jobs { get; init; }

    /// <summary>Seconds of the measured window (warm-up excluded); for a burst, the submit phase.</summary>
    public double MeasuredSeconds { get; init; }

    /// <summary>Accepted submits started in the measured window.</summary>
    public long Submitted { get; init; }

    public double SubmittedPerSecond { get; init; }

    /// <summary>Jobs whose result became visible (in the window for timed runs).</summary>
    public long? Completed { get; init; }

    public double? CompletedPerSecond { get; init; }

    public LatencySummary? SubmitLatency { get; init; }

    /// <summary>Submit (POST sent, or due for open loop) → result visible.</summary>
    public LatencySummary? EndToEnd { get; init; }

    /// <summary><see cref="EndToEnd"/> split where the job's grain started and finished it.</summary>
    public StageSummary? Stages { get; init; }

    /// <summary>The echo provider's latency, when known.</summary>
    public double? ProviderLatencyMs { get; init; }

    /// <summary><see cref="EndToEnd"/> minus <see cref="ProviderLatencyMs"/>: what the system adds.</summary>
    public LatencySummary? Overhead { get; init; }

    /// <summary>Burst: seconds from the last accepted submit to the last visible result.</summary>
    public double? LastSubmitToLastResultSeconds { get; init; }

    /// <summary>Errors by kind (failed requests, failed or incomplete jobs), warm-up included.</summary>
    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public long ErrorCount => Errors.Values.Sum();

    /// <summary>Pipeline: jobs started whose result was not visible yet when the measured window opened.</summary>
    public long? InFlightAtWindowOpen { get; init; }

    /// <summary>
    /// Open loop: more than a second of load was outstanding when the window opened beyond what the provider's latency
    /// keeps in flight, so the generator was catching up on the warm-up and the window's latencies include that backlog.
    /// </summary>
    public bool OpenedBehind => Rate is { } rate && InFlightAtWindowOpen > rate * (1 + (ProviderLatencyMs ?? 0) / 1000);

    /// <summary>This process before the load started.</summary>
    public required MemoryFigures MemoryBefore { get; init; }

    /// <summary>This process once the run had ended.</summary>
    public required MemoryFigures MemoryAfter { get; init; }

    /// <summary>After <c>--settle</c>: memory and job grains once the system sat idle.</summary>
    public SettledFigures? Settled { get; init; }

    /// <summary>CPU, GC and thread pool of this process over the run.</summary>
    public required RuntimeFigures Runtime { get; init; }
}
