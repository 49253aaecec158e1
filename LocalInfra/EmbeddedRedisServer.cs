using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;

namespace LlmOrleans.LocalInfra;

/// <summary>
/// Redis-compatible server inside this process: Microsoft Garnet with Lua enabled (Orleans' Redis providers
/// use EVAL/EVALSHA). Memory only; nothing is written to disk.
/// </summary>
public sealed class EmbeddedRedisServer : IDisposable
{
    private readonly GarnetServer _server;

    private EmbeddedRedisServer(GarnetServer server, int port)
    {
        _server = server;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The address the server is bound to.</summary>
    public string Host => "127.0.0.1";

    /// <summary>Starts a server on 127.0.0.1:<paramref name="port"/>; 0 picks a free port.</summary>
    public static EmbeddedRedisServer Start(int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        var chosenPort = port == 0 ? FreeLoopbackPort() : port;
        string[] args =
        [
            "--port", chosenPort.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--lua",
            // Small in-memory log and hash index; AOF and storage tiering stay off, so nothing touches disk.
            "--memory", "256m",
            "--index", "64m",
            "-q",
        ];
        var server = new GarnetServer(args);
        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return new EmbeddedRedisServer(server, chosenPort);
    }

    /// <summary>Stops the server and releases its memory.</summary>
    public void Dispose() => _server.Dispose();

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
