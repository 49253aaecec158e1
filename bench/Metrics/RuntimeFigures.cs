using System.Diagnostics;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// What this process's runtime did during a run: CPU used (in cores), share of wall time in GC pauses,
/// collections, lock contentions, bytes allocated and thread-pool work items run (per job, these move less between
/// runs than timings do), and thread-pool size at the end (growth past the core count hints at blocking).
/// </summary>
public sealed record RuntimeFigures(
    double CpuCores, double GcPausePercent, int Gen0, int Gen1, int Gen2, long LockContentions,
    long AllocatedBytes, long WorkItems, int ThreadPoolThreads)
{
    /// <summary>The figures of <paramref name="window"/>'s measured part alone: warm-up (JIT) and drain left out.</summary>
    public static async Task<RuntimeFigures> OverAsync(RunWindow window)
    {
        await DelayUntil(window.MeasureFrom);
        var start = RuntimeSnapshot.Now();
        await DelayUntil(window.End);
        return Since(start);
    }

    public static RuntimeFigures Since(RuntimeSnapshot start)
    {
        var end = RuntimeSnapshot.Now();
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp);
        return new RuntimeFigures(
            (end.CpuTime - start.CpuTime) / wall,
            100 * ((end.GcPause - start.GcPause) / wall),
            end.Gen0 - start.Gen0,
            end.Gen1 - start.Gen1,
            end.Gen2 - start.Gen2,
            end.LockContentions - start.LockContentions,
            end.AllocatedBytes - start.AllocatedBytes,
            end.WorkItems - start.WorkItems,
            ThreadPool.ThreadCount);
    }

    private static Task DelayUntil(long timestamp) =>
        Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp) is { Ticks: > 0 } wait ? Task.Delay(wait) : Task.CompletedTask;
}
