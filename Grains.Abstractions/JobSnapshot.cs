namespace LlmOrleans.Grains.Abstractions;

/// <summary>A job's state as its grain reports it to readers.</summary>
[GenerateSerializer, Immutable, Alias("LlmOrleans.JobSnapshot")]
public sealed record JobSnapshot(
    [property: Id(0)] string RequestId,
    [property: Id(1)] JobPhase Phase,
    [property: Id(2)] string Provider,
    [property: Id(3)] string Model,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? Output,
    [property: Id(6)] string? Error,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? StartedAt,
    [property: Id(9)] DateTimeOffset? CompletedAt,
    [property: Id(10)] TokenUsage? Usage,
    [property: Id(11)] string? Tenant = null)
{
    /// <summary>True once the job has succeeded or failed for good.</summary>
    public bool IsTerminal => Phase is JobPhase.Succeeded or JobPhase.Failed;
}
