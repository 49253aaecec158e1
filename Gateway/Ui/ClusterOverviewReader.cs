using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// Reads every silo's stats from Redis (one round trip) and adds them up. A silo gone for longer than
/// <see cref="ClusterStatsStore.ForgetAfter"/> crashed without folding its totals in; the reader does that for it.
/// </summary>
public sealed partial class ClusterOverviewReader(ClusterStatsStore store, TimeProvider time, ILogger<ClusterOverviewReader> logger)
{
    /// <summary>The overview now; throws when Redis does not answer.</summary>
    public async Task<OverviewResponse> ReadAsync()
    {
        var (silos, retired) = await store.ReadAsync();
        var now = time.GetUtcNow();
        foreach (var gone in silos.Where(s => now - s.Snapshot.WrittenAt > ClusterStatsStore.ForgetAfter))
        {
            if (await store.ForgetAsync(gone))
            {
                LogForgotten(gone.Snapshot.SiloId, gone.Snapshot.WrittenAt);
            }
        }

        // Totals read before a fold above count the folded silo once, through its entry.
        return ClusterOverview.Build(silos.Select(s => s.Snapshot).ToList(), retired, now);
    }

    [LoggerMessage(420, LogLevel.Information, "Silo {SiloId}, silent since {LastSeen:o}, folded into the cluster's retired totals")]
    private partial void LogForgotten(string siloId, DateTimeOffset lastSeen);
}
