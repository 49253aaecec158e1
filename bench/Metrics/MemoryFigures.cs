using System.Diagnostics;

namespace LlmOrleans.Bench.Metrics;

/// <summary>This process's memory in MiB: resident set now and at its peak, and the managed heap.</summary>
public sealed record MemoryFigures(double WorkingSetMib, double PeakWorkingSetMib, double GcHeapMib)
{
    private const double MiB = 1024 * 1024;

    /// <summary>Reads the figures now (cheap enough for a once-a-second display).</summary>
    public static MemoryFigures Now()
    {
        using var process = Process.GetCurrentProcess();
        return new MemoryFigures(
            process.WorkingSet64 / MiB,
            process.PeakWorkingSet64 / MiB,
            GC.GetGCMemoryInfo().HeapSizeBytes / MiB);
    }
}
