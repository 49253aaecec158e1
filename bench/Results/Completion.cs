namespace LlmOrleans.Bench.Results;

/// <summary>How a tracked job ended and when its result became visible (Stopwatch ticks).</summary>
public readonly record struct Completion(long VisibleAt, ResultFields Result)
{
    public JobStatus Status => Result.Status;

    /// <summary>A job whose tracking ended without a result.</summary>
    public static Completion Without(long at, JobStatus status) => new(at, new ResultFields(status));
}
