using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Outcomes;

/// <summary>Announces a finished job to the outside world (the silo publishes to Kafka).</summary>
public interface IJobOutcomePublisher
{
    /// <summary>
    /// Publishes the terminal <paramref name="outcome"/>; a failed job also goes to the dead-letter
    /// topic with the original <paramref name="job"/>. Completes once the broker acknowledged it.
    /// </summary>
    Task PublishAsync(LlmJob job, JobSnapshot outcome, CancellationToken cancellationToken);
}
