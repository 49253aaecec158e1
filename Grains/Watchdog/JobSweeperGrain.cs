using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Grains.Watchdog;

/// <summary>
/// The watchdog for one watchlist bucket: a Redis reminder (it survives any silo) whose tick pokes every
/// job on the bucket, so a job whose silo died is resumed elsewhere. One reminder per bucket instead of one
/// per job keeps the per-job cost to a set add and remove.
/// </summary>
public sealed partial class JobSweeperGrain(
    IJobWatchlist watchlist,
    IOptions<JobExecutionOptions> options,
    ILogger<JobSweeperGrain> logger) : Grain, IJobSweeperGrain, IRemindable
{
    private const string ReminderName = "sweep";
    private const int ParallelPokes = 32;

    public async Task StartAsync()
    {
        var period = options.Value.WatchdogPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var bucket = (int)this.GetPrimaryKeyLong();
        var jobs = await watchlist.MembersAsync(bucket);
        foreach (var chunk in jobs.Chunk(ParallelPokes))
        {
            await Task.WhenAll(chunk.Select(PokeAsync));
        }

        if (jobs.Count > 0)
        {
            LogSwept(bucket, jobs.Count);
        }
    }

    private async Task PokeAsync(string requestId)
    {
        try
        {
            await GrainFactory.GetGrain<IResumableJobGrain>(requestId).ResumeAsync();
        }
        catch (Exception ex)
        {
            LogPokeFailed(ex, requestId);
        }
    }

    [LoggerMessage(30, LogLevel.Debug, "Watchdog bucket {Bucket}: poked {Jobs} unfinished jobs")]
    private partial void LogSwept(int bucket, int jobs);

    [LoggerMessage(31, LogLevel.Warning, "Watchdog: resuming job {RequestId} failed; the next tick retries")]
    private partial void LogPokeFailed(Exception exception, string requestId);
}
