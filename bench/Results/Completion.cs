namespace LlmOrleans.Bench.Results;

/// <summary>How a tracked job ended and when its result became visible (Stopwatch ticks).</summary>
public readonly record struct Completion(long VisibleAt, JobStatus Status);
