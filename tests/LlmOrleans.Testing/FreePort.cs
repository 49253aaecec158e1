using System.Net;
using System.Net.Sockets;

namespace LlmOrleans.Testing;

/// <summary>Loopback ports for the servers tests start, so parallel test runs never collide.</summary>
public static class FreePort
{
    /// <summary>A port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
