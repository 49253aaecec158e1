using Orleans.Concurrency;

namespace LlmOrleans.Grains.Abstractions;

/// <summary>One LLM job, keyed by its request id.</summary>
[Alias("LlmOrleans.ILlmJobGrain")]
public interface ILlmJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Durably stores the job and starts it in the background. Idempotent: a job the grain
    /// already has is not run again. Returns once the job is persisted, never after the LLM call.
    /// </summary>
    [Alias("Submit")]
    ValueTask<SubmitResult> SubmitAsync(LlmJob job);

    /// <summary>The job's current state, or null when the grain has no job (unknown or expired).</summary>
    [Alias("Get"), ReadOnly]
    ValueTask<JobSnapshot?> GetAsync();

    /// <summary>
    /// The job's state once it has finished, or as it stands when <paramref name="timeout"/> (at most
    /// <see cref="JobWaits.MaxWait"/>) has passed or the silo is stopping: a long poll. Interleaves with every
    /// other call, so waiting readers never hold up the job or each other.
    /// </summary>
    [Alias("WaitFinished"), AlwaysInterleave]
    ValueTask<JobSnapshot?> WaitFinishedAsync(TimeSpan timeout);

    /// <summary>
    /// The job's prompt, or null when the job is unknown or the prompt is no longer kept (<c>JOB_RETENTION</c>).
    /// Apart from <see cref="GetAsync"/> so status polls do not carry the prompt each time.
    /// </summary>
    [Alias("GetPrompt"), ReadOnly]
    ValueTask<string?> GetPromptAsync();
}
