using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Providers;
using LlmOrleans.Grains.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Grains;

/// <summary>
/// Runs a job's provider attempts: each bounded by the attempt timeout, transient failures retried with
/// backoff until the attempts are spent, permanent ones failing at once with the provider's message.
/// </summary>
public sealed partial class JobRunner(
    ILlmClientRegistry providers,
    ProviderCircuits circuits,
    JobMetrics metrics,
    IOptions<JobExecutionOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    /// <summary>
    /// Runs attempts after the <paramref name="attemptsSoFar"/> already made. Before waiting to retry it calls
    /// <paramref name="beforeRetry"/> with the attempts made and the last error, so the caller can persist them.
    /// <paramref name="stopping"/> abandons the job (the silo is leaving it to another): it then throws
    /// <see cref="OperationCanceledException"/> and nothing about the attempt in flight is reported.
    /// </summary>
    public async Task<JobRunResult> RunAsync(
        LlmJob job, int attemptsSoFar, Func<int, string, Task> beforeRetry, CancellationToken stopping)
    {
        var settings = options.Value;
        if (settings.LogPrompts)
        {
            LogPrompt(job.RequestId, job.Prompt);
        }

        var circuitWait = TimeSpan.Zero;
        for (var attempt = attemptsSoFar + 1; ; attempt++)
        {
            var (waited, isProbe) = await WaitForCircuitAsync(job, settings.CircuitMaxWait - circuitWait, stopping);
            circuitWait += waited;
            var (success, failure) = await TryAttemptAsync(job, attempt, settings, stopping);
            if (success is not null)
            {
                circuits.RecordSuccess(job.Provider, job.Model);
                if (settings.LogPrompts)
                {
                    LogOutput(job.RequestId, success.Output);
                }

                return success with { Attempts = attempt };
            }

            if (failure.IsTransient)
            {
                circuits.RecordTransientFailure(job.Provider, job.Model);
                if (isProbe && circuitWait < settings.CircuitMaxWait)
                {
                    attempt--;
                    continue;
                }
            }

            if (!failure.IsTransient || attempt >= settings.MaxAttempts)
            {
                LogFailed(job.RequestId, attempt, failure.Message);
                return new JobRunResult(false, attempt, null, failure.Message, null);
            }

            var delay = RetryBackoff.Next(attempt, failure.RetryAfter, settings, Random.Shared);
            LogRetrying(job.RequestId, attempt, delay.TotalMilliseconds, failure.Message);
            metrics.Retried(job, AttemptOutcome.Of(failure));
            await beforeRetry(attempt, failure.Message);
            await Task.Delay(delay, time, stopping);
        }
    }

    /// <summary>
    /// Waits while the provider's circuit is open, for at most <paramref name="budget"/>; returns the time
    /// waited and whether the attempt that follows is the circuit's probe.
    /// </summary>
    private async Task<(TimeSpan Waited, bool IsProbe)> WaitForCircuitAsync(LlmJob job, TimeSpan budget, CancellationToken stopping)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var (delay, isProbe) = circuits.BeforeAttempt(job.Provider, job.Model);
            if (delay <= TimeSpan.Zero || waited >= budget)
            {
                return (waited, isProbe);
            }

            var wait = delay < budget - waited ? delay : budget - waited;
            if (waited == TimeSpan.Zero)
            {
                LogCircuitOpen(job.RequestId, job.Provider, job.Model, wait.TotalMilliseconds);
            }

            await Task.Delay(wait, time, stopping);
            waited += wait;
        }
    }

    private async Task<(JobRunResult? Success, LlmProviderException Failure)> TryAttemptAsync(
        LlmJob job, int attemptNumber, JobExecutionOptions settings, CancellationToken stopping)
    {
        using var telemetry = new AttemptTelemetry(metrics, job, attemptNumber, time);
        using var timeout = new CancellationTokenSource(settings.AttemptTimeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            var client = providers.GetClient(job.Provider);
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.User, job.Prompt)],
                new ChatOptions { ModelId = job.Model },
                attempt.Token);
            var usage = response.Usage is { } u ? new TokenUsage(u.InputTokenCount, u.OutputTokenCount) : null;
            telemetry.Succeeded(usage);
            return (new JobRunResult(true, 0, response.Text, null, usage), null!);
        }
        catch (LlmProviderException ex)
        {
            return (null, telemetry.Failed(ex));
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return (null, telemetry.Failed(new LlmProviderException(
                $"Provider '{job.Provider}' did not answer within {settings.AttemptTimeout.TotalSeconds:0.###} s",
                isTransient: true, innerException: ex)));
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            LogUnexpected(ex, job.RequestId);
            return (null, telemetry.Failed(new LlmProviderException(
                $"Provider '{job.Provider}' call failed ({ex.GetType().Name})", isTransient: true, innerException: ex)));
        }
    }

    [LoggerMessage(10, LogLevel.Information, "Job {RequestId}: attempt {Attempt} failed, retrying in {DelayMs:0} ms: {Error}")]
    private partial void LogRetrying(string requestId, int attempt, double delayMs, string error);

    [LoggerMessage(11, LogLevel.Information, "Job {RequestId} failed after {Attempts} attempts: {Error}")]
    private partial void LogFailed(string requestId, int attempts, string error);

    [LoggerMessage(13, LogLevel.Information, "Job {RequestId}: {Provider}/{Model} is failing; waiting {DelayMs:0} ms for its circuit")]
    private partial void LogCircuitOpen(string requestId, string provider, string model, double delayMs);

    [LoggerMessage(12, LogLevel.Warning, "Job {RequestId}: unexpected error from the provider client")]
    private partial void LogUnexpected(Exception exception, string requestId);

    [LoggerMessage(14, LogLevel.Debug, "Job {RequestId} prompt: {Prompt}")]
    private partial void LogPrompt(string requestId, string prompt);

    [LoggerMessage(15, LogLevel.Debug, "Job {RequestId} output: {Output}")]
    private partial void LogOutput(string requestId, string? output);
}
