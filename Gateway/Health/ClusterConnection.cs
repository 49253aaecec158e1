namespace LlmOrleans.Gateway.Health;

/// <summary>How many silo gateways the cluster client is connected to, as Orleans reports it.</summary>
public sealed class ClusterConnection : IClusterConnectionStatusObserver
{
    private int _connectedGateways;

    /// <summary>Silo gateways connected right now; 0 before the first connection and after losing the cluster.</summary>
    public int ConnectedGateways => Math.Max(0, Volatile.Read(ref _connectedGateways));

    // Orleans reports each connection opened or closed as a change by one; adding the changes, rather than
    // keeping the last count, stays right when notifications from different connections arrive out of order.
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Interlocked.Add(ref _connectedGateways, currentNumberOfGateways - previousNumberOfGateways);

    // Always followed by the count change to zero.
    public void NotifyClusterConnectionLost()
    {
    }
}
