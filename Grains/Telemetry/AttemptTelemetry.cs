using System.Diagnostics;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Providers;

namespace LlmOrleans.Grains.Telemetry;

/// <summary>One provider attempt as telemetry: its <c>llm attempt</c> span, its duration and its tokens.</summary>
internal readonly struct AttemptTelemetry(JobMetrics metrics, LlmJob job, int attempt, TimeProvider time) : IDisposable
{
    private readonly Activity? _span = JobTelemetry.StartAttempt(job, attempt);
    private readonly long _started = time.GetTimestamp();

    /// <summary>The provider answered.</summary>
    public void Succeeded(TokenUsage? usage)
    {
        metrics.Attempted(job, time.GetElapsedTime(_started), AttemptOutcome.Success);
        metrics.UsedTokens(job, usage);
        _span?.SetTag("outcome", AttemptOutcome.Success);
    }

    /// <summary>The attempt failed with <paramref name="failure"/>; returns it for the caller's convenience.</summary>
    public LlmProviderException Failed(LlmProviderException failure)
    {
        var outcome = AttemptOutcome.Of(failure);
        metrics.Attempted(job, time.GetElapsedTime(_started), outcome);
        _span?.SetTag("outcome", outcome).SetStatus(ActivityStatusCode.Error, failure.Message);
        return failure;
    }

    public void Dispose() => _span?.Dispose();
}
