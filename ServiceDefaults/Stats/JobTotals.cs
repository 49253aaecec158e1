namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>Jobs counted by one silo since it started (or, summed, by silos that are gone).</summary>
/// <param name="Started">Jobs this silo took from Kafka and its grain accepted (redeliveries not counted).</param>
/// <param name="Succeeded">Jobs that finished with the provider's answer.</param>
/// <param name="Failed">Jobs that failed for good.</param>
/// <param name="Retries">Failed attempts retried after a backoff.</param>
public sealed record JobTotals(long Started, long Succeeded, long Failed, long Retries)
{
    /// <summary>Nothing counted.</summary>
    public static JobTotals Zero { get; } = new(0, 0, 0, 0);

    /// <summary>The two totals added.</summary>
    public JobTotals Plus(JobTotals other) => new(
        Started + other.Started, Succeeded + other.Succeeded, Failed + other.Failed, Retries + other.Retries);
}
