namespace LlmOrleans.Grains.Watchdog;

/// <summary>One watchlist bucket's sweeper, keyed by bucket number.</summary>
[Alias("LlmOrleans.IJobSweeperGrain")]
public interface IJobSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the sweeper's reminder (idempotent); silos call it for every bucket at start-up.</summary>
    [Alias("Start")]
    Task StartAsync();
}
