using System.Diagnostics;

namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// What this process's runtime did during a run: CPU used (in cores), share of wall time in GC pauses,
/// collections, lock contentions, and thread-pool size at the end (growth past the core count hints at blocking).
/// </summary>
public sealed record RuntimeFigures(
    double CpuCores, double GcPausePercent, int Gen0, int Gen1, int Gen2, long LockContentions, int ThreadPoolThreads)
{
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
            ThreadPool.ThreadCount);
    }
}
