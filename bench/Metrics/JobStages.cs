using LlmOrleans.Bench.Results;

namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// Where each job's end-to-end time went, split at the result's <c>started_at</c> (a grain took the job) and
/// <c>completed_at</c> (the provider answered). The splits compare the bench's clock with the system's, so they
/// are exact only when both run on one machine.
/// </summary>
public sealed class JobStages
{
    /// <summary>POST sent (or due) → a grain took the job: HTTP, the gateway's writes, Kafka, the silo's dispatch and activation.</summary>
    public LatencyHistogram ToStart { get; } = new();

    /// <summary>Started → finished: the grain's first state write and the provider call, retries included.</summary>
    public LatencyHistogram Running { get; } = new();

    /// <summary>Finished → result visible: the final state write, the publish and the reader's side.</summary>
    public LatencyHistogram ToVisible { get; } = new();

    /// <summary>Records a job submitted at <paramref name="submittedAt"/> (Stopwatch ticks); one without both timestamps is left out.</summary>
    public void Record(long submittedAt, Completion completion)
    {
        if (completion.Result is not { StartedAt: { } started, CompletedAt: { } completed })
        {
            return;
        }

        var submitted = WallClock.At(submittedAt);
        var visible = WallClock.At(completion.VisibleAt);
        ToStart.RecordMicros(Micros(started - submitted));
        Running.RecordMicros(Micros(completed - started));
        ToVisible.RecordMicros(Micros(visible - completed));
    }

    public StageSummary? Summarize() =>
        ToStart.Summarize() is { } toStart
            ? new StageSummary(toStart, Running.Summarize()!, ToVisible.Summarize()!)
            : null;

    private static long Micros(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;
}

/// <summary>The three stages of <see cref="JobStages"/> as distributions (each on its own: their percentiles do not add up).</summary>
public sealed record StageSummary(LatencySummary ToStart, LatencySummary Running, LatencySummary ToVisible);
