using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace LlmOrleans.Silo.Extensions;

/// <summary>
/// Where this silo listens for other silos and for clients (<c>ORLEANS_SILO_PORT</c>,
/// <c>ORLEANS_GATEWAY_PORT</c>; 0 picks a free port, so several silos can share one machine) and the
/// address it advertises to them (<c>ORLEANS_ADVERTISED_IP</c>, else this host's first IPv4 address).
/// </summary>
public sealed record SiloEndpointOptions(IPAddress AdvertisedIp, int SiloPort, int GatewayPort)
{
    /// <summary>Reads the endpoint settings, resolving free ports and the address now.</summary>
    public static SiloEndpointOptions FromConfiguration(IConfiguration configuration)
    {
        var ip = configuration["ORLEANS_ADVERTISED_IP"] is { Length: > 0 } text
            ? IPAddress.Parse(text)
            : Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
              ?? IPAddress.Loopback;
        return new SiloEndpointOptions(
            ip,
            PortOrFree(configuration.GetValue("ORLEANS_SILO_PORT", 11111)),
            PortOrFree(configuration.GetValue("ORLEANS_GATEWAY_PORT", 30000)));
    }

    private static int PortOrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
