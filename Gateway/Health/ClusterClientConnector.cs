namespace LlmOrleans.Gateway.Health;

/// <summary>
/// Starts the Orleans cluster client in the background instead of as part of the host's start. The client
/// keeps looking for a silo until it finds one, which may be never; as part of the start, a SIGTERM in the
/// meantime failed the start and the host disposed its services under a still-listening Kestrel, answering
/// 500s. Started here, the host starts at once and stops the usual way: Kestrel first, then the client.
/// </summary>
public sealed partial class ClusterClientConnector(IReadOnlyList<IHostedService> client, ILogger<ClusterClientConnector> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var service in client)
            {
                await service.StartAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStoppedBeforeConnecting();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var service in client.Reverse())
        {
            await service.StopAsync(cancellationToken);
        }
    }

    [LoggerMessage(430, LogLevel.Information, "Stopping before the cluster client reached a silo")]
    private partial void LogStoppedBeforeConnecting();
}
