using System.Diagnostics;

namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// Stopwatch ticks as wall-clock time, from one reference taken per process, so the bench's own timings can be set
/// against the timestamps the system writes into a result.
/// </summary>
public static class WallClock
{
    private static readonly long ReferenceTicks = Stopwatch.GetTimestamp();
    private static readonly DateTimeOffset ReferenceTime = DateTimeOffset.UtcNow;

    public static DateTimeOffset At(long ticks) => ReferenceTime + Stopwatch.GetElapsedTime(ReferenceTicks, ticks);
}
