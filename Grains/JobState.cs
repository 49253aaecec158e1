using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains;

/// <summary>What a job grain persists: the job and how far it got.</summary>
[GenerateSerializer, Alias("LlmOrleans.JobState")]
public sealed class JobState
{
    [Id(0)] public LlmJob? Job { get; set; }
    [Id(1)] public JobPhase Phase { get; set; }
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public string? Output { get; set; }
    [Id(4)] public string? Error { get; set; }
    [Id(5)] public DateTimeOffset? StartedAt { get; set; }
    [Id(6)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(7)] public TokenUsage? Usage { get; set; }

    /// <summary>The state as readers see it.</summary>
    public JobSnapshot ToSnapshot() => new(
        Job!.RequestId, Phase, Job.Provider, Job.Model, Attempts, Output, Error,
        Job.CreatedAt, StartedAt, CompletedAt, Usage, Job.Tenant);

    /// <summary>The prompt, or null once retention dropped it.</summary>
    public string? Prompt => Job?.Prompt is { Length: > 0 } prompt ? prompt : null;

    /// <summary>
    /// Drops what <paramref name="retention"/> does not keep after completion; true when anything changed.
    /// A dropped prompt is stored as empty, which no accepted job has.
    /// </summary>
    public bool Forget(JobRetention retention)
    {
        var changed = false;
        if (retention is JobRetention.Output or JobRetention.None && Job is { Prompt.Length: > 0 })
        {
            Job = Job with { Prompt = string.Empty };
            changed = true;
        }

        if (retention is JobRetention.None && Output is not null)
        {
            Output = null;
            changed = true;
        }

        return changed;
    }
}
