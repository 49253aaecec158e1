using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Outcomes;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Storage;

namespace LlmOrleans.Grains;

/// <summary>
/// One LLM job. <see cref="SubmitAsync"/> persists the job and returns; the provider call runs in the
/// background on the grain's scheduler, so the mailbox stays free for status reads.
/// </summary>
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class LlmJobGrain(
    [PersistentState("job", JobStorage.Name)] IPersistentState<JobState> state,
    JobRunner runner,
    IJobOutcomePublisher outcomes,
    IOptions<JobExecutionOptions> options,
    TimeProvider time,
    ILogger<LlmJobGrain> logger) : Grain, ILlmJobGrain
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IGrainTimer? _keepAlive;

    private JobState Job => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Job.Job is not null && Job.Phase == JobPhase.Running)
        {
            LogResuming(Job.Job.RequestId, Job.Attempts);
            StartInBackground();
        }
        else if (Job.Job is not null && !Job.OutcomePublished)
        {
            _ = PublishOutcomeAsync();
        }

        return Task.CompletedTask;
    }

    public async ValueTask<SubmitResult> SubmitAsync(LlmJob job)
    {
        if (Job.Job is not null)
        {
            return SubmitResult.Duplicate;
        }

        state.State = new JobState { Job = job, Phase = JobPhase.Running, StartedAt = time.GetUtcNow() };
        try
        {
            await WriteAsync(CancellationToken.None);
        }
        catch
        {
            // Memory now holds a job that may not be stored. A fresh activation re-reads storage, so the
            // caller's retry either finds the stored job (and resumes it) or stores it anew.
            DeactivateOnIdle();
            throw;
        }

        StartInBackground();
        return SubmitResult.Accepted;
    }

    public ValueTask<JobSnapshot?> GetAsync()
    {
        if (Job.Job is null)
        {
            return ValueTask.FromResult<JobSnapshot?>(null);
        }

        if (Job.CompletedAt + options.Value.ResultTtl <= time.GetUtcNow())
        {
            DeactivateOnIdle();
            return ValueTask.FromResult<JobSnapshot?>(null);
        }

        return ValueTask.FromResult<JobSnapshot?>(Job.ToSnapshot());
    }

    private void StartInBackground()
    {
        // Refreshing the state while the job runs keeps its Redis entry from expiring during a long
        // attempt, and the keep-alive timer stops the grain from being collected mid-call.
        var period = options.Value.ResultTtl / 2;
        _keepAlive = this.RegisterGrainTimer(
            RefreshAsync,
            new GrainTimerCreationOptions(period, period) { Interleave = true, KeepAlive = true });
        _ = RunGuardedAsync();
    }

    private async Task RunGuardedAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote this job's state after we read it: it owns the job now.
            LogSuperseded(ex, Job.Job!.RequestId);
            DeactivateOnIdle();
        }
    }

    private async Task RunAsync()
    {
        var job = Job.Job!;
        var result = await runner.RunAsync(job, Job.Attempts, OnRetryAsync);

        Job.Attempts = result.Attempts;
        Job.Phase = result.Succeeded ? JobPhase.Succeeded : JobPhase.Failed;
        Job.Output = result.Output;
        Job.Error = result.Error;
        Job.Usage = result.Usage;
        Job.CompletedAt = time.GetUtcNow();
        _keepAlive?.Dispose();
        _keepAlive = null;

        await PersistUntilStoredAsync();
        LogCompleted(job.RequestId, Job.Phase, Job.Attempts);
        await PublishOutcomeAsync();
    }

    private async Task OnRetryAsync(int attemptsSoFar, string error)
    {
        Job.Attempts = attemptsSoFar;
        Job.Error = error;
        await PersistUntilStoredAsync();
    }

    private async Task PublishOutcomeAsync()
    {
        var job = Job.Job!;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outcomes.PublishAsync(job, Job.ToSnapshot(), CancellationToken.None);
                break;
            }
            catch (Exception ex)
            {
                LogPublishFailed(ex, job.RequestId, attempt);
                await Task.Delay(RetryBackoff.Next(attempt, null, options.Value, Random.Shared), time);
            }
        }

        Job.OutcomePublished = true;
        await PersistUntilStoredAsync();
    }

    private Task RefreshAsync(CancellationToken cancellationToken) => WriteAsync(cancellationToken);

    /// <summary>
    /// Our own storage being briefly unavailable must never fail a job: keep trying until the write lands.
    /// </summary>
    private async Task PersistUntilStoredAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is not InconsistentStateException)
            {
                LogStorageRetry(ex, Job.Job!.RequestId, attempt);
                await Task.Delay(RetryBackoff.Next(attempt, null, options.Value, Random.Shared), time);
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Job {RequestId} resumed after {Attempts} attempts")]
    private partial void LogResuming(string requestId, int attempts);

    [LoggerMessage(2, LogLevel.Information, "Job {RequestId} {Phase} after {Attempts} attempts")]
    private partial void LogCompleted(string requestId, JobPhase phase, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "Job {RequestId}: publishing the outcome failed (try {Attempt}); retrying")]
    private partial void LogPublishFailed(Exception exception, string requestId, int attempt);

    [LoggerMessage(5, LogLevel.Warning, "Job {RequestId}: another activation owns this job; stopping here")]
    private partial void LogSuperseded(Exception exception, string requestId);

    [LoggerMessage(4, LogLevel.Warning, "Job {RequestId}: storing state failed (try {Attempt}); retrying")]
    private partial void LogStorageRetry(Exception exception, string requestId, int attempt);
}
