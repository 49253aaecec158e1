using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Silo.Kafka;

/// <summary>How the silo's Kafka consumer paces itself.</summary>
public sealed class JobConsumerOptions
{
    /// <summary>
    /// Messages handed to grains and not yet accepted, at most (<c>KAFKA_MAX_PENDING_SUBMITS</c>). Reading stops
    /// while this many are outstanding, which bounds memory when the grains or Redis are slow.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPendingSubmits { get; set; } = 2000;

    /// <summary>
    /// Jobs this silo runs at once, at most (<c>MAX_INFLIGHT_JOBS</c>). At the cap the consumer pauses its
    /// partitions, staying in the group, and resumes once jobs drain to half of it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxInflightJobs { get; set; } = 10_000;

    /// <summary>
    /// How long a stopping silo lets its running jobs finish (<c>SHUTDOWN_GRACE_PERIOD</c>, seconds) before
    /// leaving the rest to be resumed by another silo.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stopping silo waits for outstanding submits before closing the consumer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
