using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Outcomes;
using LlmOrleans.Grains.Providers;
using LlmOrleans.Grains.Quotas;
using LlmOrleans.Grains.Telemetry;
using LlmOrleans.Grains.Watchdog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Storage;

namespace LlmOrleans.Grains;

/// <summary>
/// One LLM job. <see cref="SubmitAsync"/> persists the job and returns; the provider call runs in the
/// background on the grain's scheduler, so the mailbox stays free for status reads. The job is on the
/// watchlist from acceptance until its outcome is published: if the silo dies first, a watchdog tick on
/// another silo resumes the job, or publishes its stored outcome again (a duplicate with the same outcome).
/// </summary>
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class LlmJobGrain(
    [PersistentState("job", JobStorage.Name)] IPersistentState<JobState> state,
    JobRunner runner,
    IJobOutcomePublisher outcomes,
    IJobWatchlist watchlist,
    IJobQuota quota,
    RunningJobs runningJobs,
    JobMetrics metrics,
    IOptions<JobExecutionOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LlmJobGrain> logger) : Grain, ILlmJobGrain, IResumableJobGrain
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _deactivating = new();
    private Task? _work;
    private bool _counted;
    private TaskCompletionSource? _finished;

    private JobState Job => state.State;

    private bool IsFinished => Job.Job is not null && Job.Phase is JobPhase.Succeeded or JobPhase.Failed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Job.Job is not null && Job.Phase == JobPhase.Running)
        {
            LogResuming(Job.Job!.RequestId, Job.Phase, Job.Attempts);
            EnsureWorking();
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Leaving with the job unfinished (the silo stops or the grain moves): the watchdog resumes it elsewhere.
        _deactivating.Cancel();
        ReleaseWaiters();
        StopCounting();
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
            var watched = watchlist.AddAsync(job.RequestId);
            await WriteAsync(CancellationToken.None);
            await watched;
        }
        catch
        {
            // Memory now holds a job that may not be stored. A fresh activation re-reads storage, so the
            // caller's retry either finds the stored job (and resumes it) or stores it anew.
            ReleaseWaiters();
            DeactivateOnIdle();
            throw;
        }

        EnsureWorking();
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

    public async ValueTask<JobSnapshot?> WaitFinishedAsync(TimeSpan timeout)
    {
        if (!IsFinished && timeout > TimeSpan.Zero)
        {
            _finished ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await _finished.Task.WaitAsync(timeout < JobWaits.MaxWait ? timeout : JobWaits.MaxWait, time, lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // Not finished in time, or the silo is stopping: the reader gets the job as it stands.
            }
        }

        return await GetAsync();
    }

    public async ValueTask<string?> GetPromptAsync() => await GetAsync() is null ? null : Job.Prompt;

    public async Task ResumeAsync()
    {
        if (Job.Job is null)
        {
            // Never stored, or expired: nothing to resume.
            await watchlist.RemoveAsync(this.GetPrimaryKeyString());
            return;
        }

        EnsureWorking();
    }

    private void EnsureWorking()
    {
        if (_work is { IsCompleted: false })
        {
            return;
        }

        runningJobs.Started();
        _counted = true;
        _work = WorkAsync();
    }

    private async Task WorkAsync()
    {
        // A child of the grain call that accepted the job when the trace came along with it.
        using var span = JobTelemetry.StartRun(Job.Job!);
        IGrainTimer? keepAlive = null;
        try
        {
            if (Job.Phase == JobPhase.Running)
            {
                // Refreshing the state while the job runs keeps its Redis entry from expiring during a long
                // attempt, and the keep-alive timer stops the grain from being collected mid-call.
                var period = options.Value.ResultTtl / 2;
                keepAlive = this.RegisterGrainTimer(
                    RefreshAsync,
                    new GrainTimerCreationOptions(period, period) { Interleave = true, KeepAlive = true });
                await RunAsync();
                keepAlive.Dispose();
            }

            JobTelemetry.Finished(span, Job.Phase);

            await PublishOutcomeAsync();
            quota.Release(Job.Job!);
            if (Job.Forget(options.Value.Retention))
            {
                await PersistUntilStoredAsync();
            }

            Unwatch(Job.Job!.RequestId);

            // Finished: free the memory now; a later status read re-activates from storage.
            DeactivateOnIdle();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote this job's state after we read it: it owns the job now.
            LogSuperseded(ex, Job.Job!.RequestId);
            DeactivateOnIdle();
        }
        catch (OperationCanceledException) when (_deactivating.IsCancellationRequested)
        {
        }
        finally
        {
            keepAlive?.Dispose();
            ReleaseWaiters();
            StopCounting();
        }
    }

    /// <summary>Answers every waiting long poll: the job finished, or this activation stops working on it.</summary>
    private void ReleaseWaiters()
    {
        var waiters = _finished;
        _finished = null;
        waiters?.TrySetResult();
    }

    private void StopCounting()
    {
        if (_counted)
        {
            _counted = false;
            runningJobs.Finished();
        }
    }

    private async Task RunAsync()
    {
        var job = Job.Job!;
        var result = await runner.RunAsync(job, Job.Attempts, OnRetryAsync, _deactivating.Token);

        Job.Attempts = result.Attempts;
        Job.Phase = result.Succeeded ? JobPhase.Succeeded : JobPhase.Failed;
        Job.Output = result.Output;
        Job.Error = result.Error;
        Job.Usage = result.Usage;
        Job.CompletedAt = time.GetUtcNow();

        await PersistUntilStoredAsync();
        ReleaseWaiters();
        metrics.Finished(job, result.Succeeded);
        LogCompleted(job.RequestId, Job.Phase, Job.Attempts);
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
                await outcomes.PublishAsync(job, Job.ToSnapshot(), _deactivating.Token);
                return;
            }
            catch (Exception ex) when (!_deactivating.IsCancellationRequested)
            {
                LogPublishFailed(ex, job.RequestId, attempt);
                await Task.Delay(RetryBackoff.Next(attempt, null, options.Value, Random.Shared), time, _deactivating.Token);
            }
        }
    }

    /// <summary>
    /// Takes the finished job off the watchlist without holding the grain for it: the grain does not resume for the
    /// reply, and a failure is only logged, off the grain's scheduler. It is harmless: the next watchdog tick finds
    /// the job finished, publishes again and retries this.
    /// </summary>
    private void Unwatch(string requestId) =>
        watchlist.RemoveAsync(requestId).ContinueWith(
            static (removal, state) =>
            {
                var (grain, id) = ((LlmJobGrain, string))state!;
                grain.LogUnwatchFailed(removal.Exception!.GetBaseException(), id);
            },
            (this, requestId),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

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
            catch (Exception ex) when (ex is not InconsistentStateException && !_deactivating.IsCancellationRequested)
            {
                LogStorageRetry(ex, Job.Job!.RequestId, attempt);
                await Task.Delay(RetryBackoff.Next(attempt, null, options.Value, Random.Shared), time, _deactivating.Token);
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        var started = time.GetTimestamp();
        var stored = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
            stored = true;
        }
        finally
        {
            metrics.StateWritten(time.GetElapsedTime(started), stored);
            _writeGate.Release();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Job {RequestId} resumed ({Phase}, {Attempts} attempts made)")]
    private partial void LogResuming(string requestId, JobPhase phase, int attempts);

    [LoggerMessage(6, LogLevel.Warning, "Job {RequestId}: taking it off the watchlist failed; the next watchdog tick retries")]
    private partial void LogUnwatchFailed(Exception exception, string requestId);

    [LoggerMessage(2, LogLevel.Debug, "Job {RequestId} {Phase} after {Attempts} attempts")]
    private partial void LogCompleted(string requestId, JobPhase phase, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "Job {RequestId}: publishing the outcome failed (try {Attempt}); retrying")]
    private partial void LogPublishFailed(Exception exception, string requestId, int attempt);

    [LoggerMessage(5, LogLevel.Warning, "Job {RequestId}: another activation owns this job; stopping here")]
    private partial void LogSuperseded(Exception exception, string requestId);

    [LoggerMessage(4, LogLevel.Warning, "Job {RequestId}: storing state failed (try {Attempt}); retrying")]
    private partial void LogStorageRetry(Exception exception, string requestId, int attempt);
}
