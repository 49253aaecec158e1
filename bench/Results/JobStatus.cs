namespace LlmOrleans.Bench.Results;

/// <summary>Where a job stands, as the gateway or <c>llm.responses</c> say.</summary>
public enum JobStatus
{
    Pending,
    Succeeded,
    Failed,
    NotFound,
    Incomplete,
    Unreadable,
}
