using System.Diagnostics;
using System.Runtime;

namespace LlmOrleans.Bench.Metrics;

/// <summary>This process's cumulative runtime counters at one moment; two of them make a <see cref="RuntimeFigures"/>.</summary>
public sealed record RuntimeSnapshot(
    long Timestamp, TimeSpan CpuTime, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long LockContentions, long AllocatedBytes,
    long WorkItems, TimeSpan JitTime, long JitMethods)
{
    public static RuntimeSnapshot Now()
    {
        using var process = Process.GetCurrentProcess();
        return new RuntimeSnapshot(
            Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), Monitor.LockContentionCount,
            GC.GetTotalAllocatedBytes(precise: true), ThreadPool.CompletedWorkItemCount,
            JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
    }
}
