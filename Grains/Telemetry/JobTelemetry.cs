using System.Diagnostics;
using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Telemetry;

/// <summary>
/// The grains' activity source (<c>LlmOrleans.Jobs</c>): a <c>job run</c> span per run of a job and an
/// <c>llm attempt</c> span per provider call. Tags never carry the prompt or the output.
/// </summary>
public static class JobTelemetry
{
    /// <summary>Name of the activity source and of the meter (<see cref="JobMetrics"/>).</summary>
    public const string Name = "LlmOrleans.Jobs";

    /// <summary>Spans of job runs and provider attempts.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Starts <c>job run</c> under the current activity (the grain call that accepted the job, if any).</summary>
    internal static Activity? StartRun(LlmJob job) =>
        Source.StartActivity("job run")?
            .SetTag("request_id", job.RequestId)
            .SetTag("provider", job.Provider)
            .SetTag("model", job.Model);

    /// <summary>Records how the run ended: <c>succeeded</c>, or <c>failed</c> with an error status.</summary>
    internal static void Finished(Activity? run, JobPhase phase)
    {
        if (run is null || phase is not (JobPhase.Succeeded or JobPhase.Failed))
        {
            return;
        }

        run.SetTag("outcome", phase == JobPhase.Succeeded ? "succeeded" : "failed");
        if (phase == JobPhase.Failed)
        {
            run.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Starts <c>llm attempt</c>, a client span for provider call number <paramref name="attempt"/>.</summary>
    internal static Activity? StartAttempt(LlmJob job, int attempt) =>
        Source.StartActivity("llm attempt", ActivityKind.Client)?
            .SetTag("request_id", job.RequestId)
            .SetTag("provider", job.Provider)
            .SetTag("model", job.Model)
            .SetTag("attempt", attempt);
}
