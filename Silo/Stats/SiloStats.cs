using LlmOrleans.Grains;
using LlmOrleans.ServiceDefaults.Stats;
using LlmOrleans.Silo.Kafka;

namespace LlmOrleans.Silo.Stats;

/// <summary>
/// This silo's job figures, in memory: totals since it started, completions per 10 seconds, provider latency
/// histograms, and the jobs taken since the last flush. Fed by <see cref="JobMetricsListener"/> and
/// <see cref="JobDispatcher"/>; written to Redis by <see cref="SiloStatsPublisher"/>.
/// </summary>
public sealed class SiloStats(RunningJobs runningJobs, ConsumerLag lag, TimeProvider time)
{
    private readonly CompletionCounts _completions = new();
    private readonly LatencyCounts _latency = new();
    private readonly RecentlyTaken _taken = new();
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private long _started;
    private long _succeeded;
    private long _failed;
    private long _retries;

    /// <summary>This silo's grain accepted a job it took from Kafka.</summary>
    public void Taken(string requestId, DateTimeOffset createdAt, string? tenant)
    {
        Interlocked.Increment(ref _started);
        _taken.Add(new RecentJob(requestId, createdAt, tenant));
    }

    /// <summary>A job finished for good.</summary>
    public void Finished(bool succeeded)
    {
        Interlocked.Increment(ref succeeded ? ref _succeeded : ref _failed);
        _completions.Add(time.GetUtcNow(), succeeded);
    }

    /// <summary>A failed attempt will be retried.</summary>
    public void Retried() => Interlocked.Increment(ref _retries);

    /// <summary>A provider attempt ended after <paramref name="seconds"/>.</summary>
    public void Attempted(string provider, string model, double seconds, bool succeeded) =>
        _latency.Add(time.GetUtcNow(), provider, model, seconds, succeeded);

    /// <summary>The figures now, as <paramref name="siloId"/> on <paramref name="host"/>.</summary>
    public SiloStatsSnapshot Snapshot(string siloId, string host)
    {
        var now = time.GetUtcNow();
        return new SiloStatsSnapshot(
            siloId,
            host,
            _startedAt,
            now,
            new JobTotals(
                Interlocked.Read(ref _started),
                Interlocked.Read(ref _succeeded),
                Interlocked.Read(ref _failed),
                Interlocked.Read(ref _retries)),
            runningJobs.Count,
            _completions.Snapshot(now),
            _latency.Snapshot(now),
            lag.Partitions);
    }

    /// <summary>Takes the jobs taken since the last call, oldest first.</summary>
    public List<RecentJob> DrainTaken() => _taken.Drain();

    /// <summary>Puts back jobs whose push to Redis failed.</summary>
    public void ReturnTaken(List<RecentJob> jobs) => _taken.Return(jobs);
}
