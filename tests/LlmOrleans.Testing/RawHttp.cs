using System.Net.Sockets;
using System.Text;

namespace LlmOrleans.Testing;

/// <summary>
/// HTTP/1.1 over a bare socket: sends exactly the bytes it is given, with none of the checks and
/// normalisation <see cref="HttpClient"/> applies (header syntax, dot segments, framing), and reads one
/// response. For tests that must send what a hostile client would.
/// </summary>
public static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> and reads the response to it (skipping interim 1xx responses). The
    /// connection stays open for writing: Kestrel takes a client's half-close for a disconnect and would not
    /// answer, so the request must be complete by its own framing.
    /// </summary>
    public static async Task<RawHttpResponse> SendAsync(Uri server, byte[] request, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var socket = await ConnectAsync(server, cancel.Token);
        await socket.SendAsync(request, SocketFlags.None, cancel.Token);

        return await ReceiveResponseAsync(socket, cancel.Token);
    }

    /// <summary>
    /// Reads from <paramref name="socket"/> until one final (non-1xx) response is complete: its whole body by
    /// Content-Length or chunked framing, or everything until the server closes. Returns as soon as it is
    /// complete, while the client may still be sending.
    /// </summary>
    public static async Task<RawHttpResponse> ReceiveResponseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await ReceiveAsync(socket, buffer, cancellationToken);
            received.Write(buffer, 0, read);
            if (read == 0 || RawHttpResponse.IsComplete(received.GetBuffer().AsSpan(0, (int)received.Length)))
            {
                return RawHttpResponse.Parse(received.ToArray());
            }
        }
    }

    /// <summary>A connected socket to <paramref name="server"/>'s host and port.</summary>
    public static async Task<Socket> ConnectAsync(Uri server, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server.Host, server.Port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A request head (request line and headers, then the blank line) in ASCII/Latin-1 bytes as given.</summary>
    public static byte[] Head(string method, string target, IEnumerable<(string Name, string Value)> headers)
    {
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
    }

    private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // A server may reset after answering when the client still had unread body in flight.
            return 0;
        }
    }
}
