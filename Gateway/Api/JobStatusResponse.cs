using System.Text.Json.Serialization;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.ServiceDefaults.Redis;

namespace LlmOrleans.Gateway.Api;

/// <summary>Body of <c>GET /result/{request_id}</c>.</summary>
public sealed record JobStatusResponse(
    string RequestId,
    string Status,
    string Phase,
    string? Provider,
    string? Model,
    string? Output,
    string? Error,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    long? InputTokens,
    long? OutputTokens,
    [property: JsonIgnore] string? Tenant = null)
{
    /// <summary>True until the job has succeeded or failed.</summary>
    [JsonIgnore]
    public bool IsPending => Status == PendingStatus;

    private const string PendingStatus = "pending";

    /// <summary>A job its grain knows.</summary>
    public static JobStatusResponse From(JobSnapshot job) => new(
        job.RequestId,
        job.IsTerminal ? PhaseName(job.Phase) : PendingStatus,
        PhaseName(job.Phase),
        job.Provider,
        job.Model,
        job.Output,
        job.Error,
        job.Attempts,
        job.CreatedAt,
        job.StartedAt,
        job.CompletedAt,
        job.Usage?.InputTokens,
        job.Usage?.OutputTokens,
        job.Tenant);

    /// <summary>A job accepted by a gateway that no grain has taken yet.</summary>
    public static JobStatusResponse Queued(string requestId, QueuedJob job) => new(
        requestId, PendingStatus, "queued", job.Provider, job.Model, null, null, 0, job.CreatedAt, null, null, null, null, job.Tenant);

    private static string PhaseName(JobPhase phase) => phase switch
    {
        JobPhase.Queued => "queued",
        JobPhase.Running => "running",
        JobPhase.Succeeded => "succeeded",
        _ => "failed",
    };
}
