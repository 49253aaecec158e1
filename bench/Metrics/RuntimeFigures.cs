using System.Diagnostics;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// What this process's runtime did during a run: CPU used (in cores), share of wall time in GC pauses,
/// collections, lock contentions, bytes allocated and thread-pool work items run (per job, these move less between
/// runs than timings do), thread-pool size at the end (growth past the core count hints at blocking), and the JIT's
/// time and methods compiled (well above zero in a measured window: the tiered JIT was still warming up).
/// </summary>
public sealed record RuntimeFigures(
    double CpuCores, double GcPausePercent, int Gen0, int Gen1, int Gen2, long LockContentions,
    long AllocatedBytes, long WorkItems, int ThreadPoolThreads, double JitSeconds, long JitMethods)
{
    /// <summary>The figures of <paramref name="window"/>'s measured part alone: warm-up (JIT) and drain left out.</summary>
    public static async Task<RuntimeFigures> OverAsync(RunWindow window)
    {
        await window.OpensAsync();
        var start = RuntimeSnapshot.Now();
        await window.EndsAsync();
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
            ThreadPool.ThreadCount,
            (end.JitTime - start.JitTime).TotalSeconds,
            end.JitMethods - start.JitMethods);
    }
}
