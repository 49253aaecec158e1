using System.Diagnostics;
using LlmOrleans.ServiceDefaults.Stats;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmOrleans.Silo.Stats;

/// <summary>
/// Writes this silo's <see cref="SiloStats"/> to Redis every <see cref="ClusterStatsStore.FlushInterval"/>, one
/// round trip each, and on a graceful stop folds its totals into the retired ones and removes its entry. Stops
/// after the consumer and the drain of running jobs (it is registered before them), so its last write counts them.
/// </summary>
public sealed partial class SiloStatsPublisher(
    SiloStats stats,
    ClusterStatsStore store,
    ILocalSiloDetails silo,
    TimeProvider time,
    ILogger<SiloStatsPublisher> logger) : BackgroundService
{
    private bool _failing;

    private string SiloId => silo.SiloAddress.ToParsableString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ClusterStatsStore.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var taken = stats.DrainTaken();
        try
        {
            await store.RetireAsync(stats.Snapshot(SiloId, silo.DnsHostName), taken);
            LogRetired(SiloId);
        }
        catch (Exception ex)
        {
            // Readers count the entry as a gone silo, and fold it in themselves after a while.
            LogRetireFailed(ex, SiloId);
        }
    }

    private async Task FlushAsync()
    {
        var taken = stats.DrainTaken();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var bytes = await store.WriteAsync(stats.Snapshot(SiloId, silo.DnsHostName), taken);
            LogFlushed(bytes, taken.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (_failing)
            {
                _failing = false;
                LogFlushRecovered();
            }
        }
        catch (Exception ex)
        {
            // Figures for people must never stop the silo; the next flush writes them whole again.
            stats.ReturnTaken(taken);
            if (!_failing)
            {
                _failing = true;
                LogFlushFailed(ex);
            }
        }
    }

    [LoggerMessage(340, LogLevel.Debug, "Stats written: {Bytes} bytes, {Taken} jobs taken, in {Milliseconds:0.00} ms")]
    private partial void LogFlushed(int bytes, int taken, double milliseconds);

    [LoggerMessage(341, LogLevel.Warning, "Writing the silo's stats to Redis failed; retrying every flush, quietly until it works")]
    private partial void LogFlushFailed(Exception exception);

    [LoggerMessage(342, LogLevel.Information, "Writing the silo's stats to Redis works again")]
    private partial void LogFlushRecovered();

    [LoggerMessage(343, LogLevel.Information, "Silo {SiloId}: stats folded into the cluster's totals and removed")]
    private partial void LogRetired(string siloId);

    [LoggerMessage(344, LogLevel.Warning, "Silo {SiloId}: folding the stats into the cluster's totals failed; readers will")]
    private partial void LogRetireFailed(Exception exception, string siloId);
}
