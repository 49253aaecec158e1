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

    /// <summary>How long a stopping silo waits for outstanding submits before closing the consumer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
