namespace LlmOrleans.Bench.Results;

/// <summary>
/// What the bench reads of a result (a GET body or a llm.responses value): its status and, once a grain took the
/// job, when it started and finished by the system's clock.
/// </summary>
public readonly record struct ResultFields(JobStatus Status, DateTimeOffset? StartedAt = null, DateTimeOffset? CompletedAt = null);
