using System.Diagnostics;
using LlmOrleans.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Silo.Memory;

/// <summary>
/// Hands memory back after a busy spell. A silo that goes quiet allocates next to nothing, so the GC never
/// runs again and the heap keeps the size the load gave it. Once no job has started for
/// <see cref="IdleTrimOptions.IdleAfter"/> after some did, this compacts the heap once, aggressively, which
/// returns the freed pages to the operating system, then asks the C allocator to do the same for native memory
/// (librdkafka's and the runtime's). One blocking collection per busy spell, while idle.
/// </summary>
public sealed partial class IdleMemoryTrimmer(
    RunningJobs jobs,
    IOptions<IdleTrimOptions> options,
    TimeProvider time,
    ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idleAfter = options.Value.IdleAfter;
        if (idleAfter == TimeSpan.Zero)
        {
            return;
        }

        // Jobs started before this loop runs count as a busy spell too.
        var trimmedAt = 0L;
        var lastSeen = jobs.StartedTotal;
        var quietSince = time.GetTimestamp();
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var started = jobs.StartedTotal;
            if (started != lastSeen || jobs.Count > 0)
            {
                lastSeen = started;
                quietSince = time.GetTimestamp();
                continue;
            }

            if (started != trimmedAt && time.GetElapsedTime(quietSince) >= idleAfter)
            {
                trimmedAt = started;
                Trim();
            }
        }
    }

    private void Trim()
    {
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        LogTrimmed(before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024), clock.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(360, LogLevel.Information, "Idle: compacted the heap, working set {BeforeMib} MiB -> {AfterMib} MiB in {Milliseconds:0} ms")]
    private partial void LogTrimmed(long beforeMib, long afterMib, double milliseconds);
}
