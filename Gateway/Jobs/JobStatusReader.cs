using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Security;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.ServiceDefaults.Redis;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Reads a job's status: from its grain when a grain has it, else from the queued-job index, so an
/// accepted job reads as pending even while the silos are down or far behind on the topic.
/// </summary>
public sealed partial class JobStatusReader(JobGrainFactory grains, QueuedJobIndex queued, ILogger<JobStatusReader> logger)
{
    private static readonly TimeSpan GrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The job's status, or null when no job with this id is known (never was, or expired).</summary>
    public async Task<JobStatusResponse?> ReadAsync(string requestId)
    {
        ILlmJobGrain grain;
        try
        {
            // Before the client first reaches a silo it knows no grain types, so even GetGrain can throw.
            grain = grains.Get(requestId);
            if (await grain.GetAsync().AsTask().WaitAsync(GrainTimeout) is { } snapshot)
            {
                return JobStatusResponse.From(snapshot);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cluster cannot answer now; an accepted job is still known to the index.
            LogClusterUnavailable(ex, requestId);
            return await queued.GetAsync(requestId) is { } waiting
                ? JobStatusResponse.Queued(requestId, waiting)
                : throw new ClusterUnavailableException(ex);
        }

        if (await queued.GetAsync(requestId) is { } queuedJob)
        {
            return JobStatusResponse.Queued(requestId, queuedJob);
        }

        // The grain may have taken the job (and dropped the mark) between the two reads above.
        return await grain.GetAsync() is { } taken ? JobStatusResponse.From(taken) : null;
    }

    /// <summary>
    /// The job's status as <paramref name="caller"/> may see it: null when no such job is known or it belongs to
    /// another tenant, so someone else's job reads exactly like one that does not exist.
    /// </summary>
    public async Task<JobStatusResponse?> ReadForAsync(string requestId, Caller caller) =>
        await ReadAsync(requestId) is { } status && caller.CanSee(status.Tenant) ? status : null;

    /// <summary>
    /// A long poll: the job's status as <paramref name="caller"/> may see it, once it has finished or when
    /// <paramref name="wait"/> has passed, whichever is first. An unknown job answers null at once.
    /// </summary>
    public async Task<JobStatusResponse?> WaitForAsync(string requestId, Caller caller, TimeSpan wait, CancellationToken cancellationToken)
    {
        var status = await ReadForAsync(requestId, caller);
        if (status is not { IsPending: true } || wait <= TimeSpan.Zero)
        {
            return status;
        }

        try
        {
            var grain = grains.Get(requestId);
            if (await grain.WaitFinishedAsync(wait).AsTask().WaitAsync(wait + GrainTimeout, cancellationToken) is { } snapshot
                && caller.CanSee(snapshot.Tenant))
            {
                return JobStatusResponse.From(snapshot);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWaitFailed(ex, requestId);
        }

        // No grain holds the job yet (still queued), or the wait failed: read it the usual way.
        return await ReadForAsync(requestId, caller);
    }

    /// <summary>The job's prompt while its grain keeps it; null when it does not, or the cluster does not answer.</summary>
    public async Task<string?> ReadPromptAsync(string requestId)
    {
        try
        {
            return await grains.Get(requestId).GetPromptAsync().AsTask().WaitAsync(GrainTimeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPromptUnavailable(ex, requestId);
            return null;
        }
    }

    [LoggerMessage(402, LogLevel.Warning, "Job {RequestId}: waiting for the result failed; answering its status as it stands")]
    private partial void LogWaitFailed(Exception exception, string requestId);

    [LoggerMessage(401, LogLevel.Warning, "Job {RequestId}: the cluster did not answer for the prompt")]
    private partial void LogPromptUnavailable(Exception exception, string requestId);

    [LoggerMessage(400, LogLevel.Warning, "Job {RequestId}: the cluster did not answer; falling back to the queued index")]
    private partial void LogClusterUnavailable(Exception exception, string requestId);
}
