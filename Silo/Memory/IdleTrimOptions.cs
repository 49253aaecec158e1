using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Silo.Memory;

/// <summary>When a quiet silo gives memory back (<see cref="IdleMemoryTrimmer"/>).</summary>
public sealed class IdleTrimOptions
{
    /// <summary>
    /// How long no job may have started before the heap is compacted (<c>IDLE_TRIM_SECONDS</c>); 0 turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromSeconds(60);
}
