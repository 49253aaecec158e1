using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains;

/// <summary>How a job's attempts ended: the output on success, the last error on failure.</summary>
public sealed record JobRunResult(bool Succeeded, int Attempts, string? Output, string? Error, TokenUsage? Usage);
