using LlmOrleans.Gateway.Api;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// Body of <c>GET /ui/api/jobs/{request_id}</c>: the job's status as <c>GET /result</c> gives it, its timings, and
/// its prompt while the job keeps it (<c>JOB_RETENTION</c>).
/// </summary>
public sealed record JobDetailResponse(JobStatusResponse Job, JobTimings Timings, string? Prompt)
{
    /// <summary>The detail of a job its status read found.</summary>
    public static JobDetailResponse From(JobStatusResponse job, string? prompt = null) => new(job, new JobTimings(
        Milliseconds(job.StartedAt - job.CreatedAt),
        Milliseconds(job.CompletedAt - job.StartedAt),
        Milliseconds(job.CompletedAt - job.CreatedAt)), prompt);

    private static double? Milliseconds(TimeSpan? span) => span?.TotalMilliseconds;
}

/// <summary>How long the job waited to be taken, ran (all attempts and backoffs), and took in all; null until known.</summary>
public sealed record JobTimings(double? QueuedMs, double? RunningMs, double? TotalMs);
