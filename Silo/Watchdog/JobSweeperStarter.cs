using LlmOrleans.Grains;
using LlmOrleans.Grains.Watchdog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Silo.Watchdog;

/// <summary>
/// Makes sure every watchlist bucket's sweeper reminder exists, once the silo has joined. Idempotent, so
/// every silo does it; retried in the background while Redis or the cluster is not ready yet.
/// </summary>
public sealed partial class JobSweeperStarter(
    IGrainFactory grains,
    IOptions<JobExecutionOptions> options,
    TimeProvider time,
    ILogger<JobSweeperStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, WatchlistBuckets.Count)
                    .Select(bucket => grains.GetGrain<IJobSweeperGrain>(bucket).StartAsync()));
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogStartFailed(ex, attempt);
                await Task.Delay(RetryBackoff.Next(attempt, null, options.Value, Random.Shared), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(330, LogLevel.Warning, "Starting the watchdog sweepers failed (try {Attempt}); retrying")]
    private partial void LogStartFailed(Exception exception, int attempt);
}
