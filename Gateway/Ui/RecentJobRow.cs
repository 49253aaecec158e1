using LlmOrleans.Gateway.Api;
using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// One recently taken job and where it is now. <paramref name="State"/> is its phase (<c>queued</c>,
/// <c>running</c>, <c>succeeded</c>, <c>failed</c>), <c>expired</c> once its result's TTL passed, or
/// <c>unknown</c> while the cluster does not answer.
/// </summary>
public sealed record RecentJobRow(
    string RequestId,
    string State,
    string? Provider,
    string? Model,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The job as its status read it.</summary>
    public static RecentJobRow From(JobStatusResponse status) => new(
        status.RequestId, status.Phase, status.Provider, status.Model, status.Attempts,
        status.CreatedAt, status.StartedAt, status.CompletedAt);

    /// <summary>A job nothing is known of any more, or that could not be read now.</summary>
    public static RecentJobRow Unread(RecentJob job, string state) =>
        new(job.RequestId, state, null, null, 0, job.CreatedAt, null, null);
}
