using System.Net.Sockets;
using System.Text;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Security.Tests;

/// <summary>
/// The body limit (<c>2 × MAX_PROMPT_BYTES + 64 KiB</c>) holds before the gateway buffers anything: a
/// declared length over it is refused unread, and a chunked stream is cut off at the limit, long before
/// a hostile client has finished sending.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class RequestBodyLimitTests(HostileInputFixture fixture, ITestOutputHelper output)
{
    private const long FiftyMiB = 50L * 1024 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private long BodyLimit => 2L * fixture.Limits.MaxPromptBytes + 64 * 1024;

    [Fact]
    public async Task Post_DeclaredLengthOfFiftyMiB_Answers413WithoutWaitingForTheBody()
    {
        var before = fixture.RequestTopicCount();
        using var cancel = new CancellationTokenSource(Patience);
        using var socket = await RawHttp.ConnectAsync(fixture.GatewayUrl, cancel.Token);

        // The head only: not one byte of the announced body is ever sent.
        await socket.SendAsync(Head(("Content-Length", FiftyMiB.ToString())), cancel.Token);
        var response = await RawHttp.ReceiveResponseAsync(socket, cancel.Token);

        Assert.Equal(413, response.Status);
        ProblemAssert.IsProblem(response);
        Assert.Equal(before, fixture.RequestTopicCount());
    }

    [Fact]
    public async Task Post_ChunkedStreamOfFiftyMiB_Answers413BeforeTheClientHasSentIt()
    {
        var before = fixture.RequestTopicCount();
        using var cancel = new CancellationTokenSource(Patience);
        using var socket = await RawHttp.ConnectAsync(fixture.GatewayUrl, cancel.Token);
        await socket.SendAsync(Head(("Transfer-Encoding", "chunked")), cancel.Token);
        long sent = 0;

        // A job whose prompt never ends: valid JSON as far as it goes, so only the size limit can stop it.
        var sender = Task.Run(async () =>
        {
            var chunk = Chunk(Encoding.ASCII.GetBytes(new string('x', 64 * 1024)));
            try
            {
                await socket.SendAsync(Chunk("{\"provider\":\"echo\",\"model\":\"m\",\"prompt\":\""u8.ToArray()), cancel.Token);
                while (Interlocked.Read(ref sent) < FiftyMiB)
                {
                    await socket.SendAsync(chunk, cancel.Token);
                    Interlocked.Add(ref sent, chunk.Length);
                }

                await socket.SendAsync("0\r\n\r\n"u8.ToArray(), cancel.Token);
            }
            catch (SocketException)
            {
                // The server hung up on the rest of the stream: what a limit should do.
            }
        });
        var response = await RawHttp.ReceiveResponseAsync(socket, cancel.Token);
        var sentWhenAnswered = Interlocked.Read(ref sent);
        output.WriteLine($"Answered {response.Status} after {sentWhenAnswered:N0} of {FiftyMiB:N0} bytes (limit {BodyLimit:N0}).");

        Assert.Equal(413, response.Status);
        ProblemAssert.IsProblem(response);
        Assert.True(sentWhenAnswered < FiftyMiB / 4,
            $"the gateway answered only after {sentWhenAnswered} of {FiftyMiB} bytes (limit {BodyLimit})");
        socket.Shutdown(SocketShutdown.Both);
        await sender;
        Assert.Equal(before, fixture.RequestTopicCount());
    }

    [Theory]
    [InlineData(0, false, 202)]
    [InlineData(1, false, 413)]
    [InlineData(-1024, true, 202)]
    [InlineData(1, true, 413)]
    public async Task Post_BodyAroundTheLimit_IsAcceptedUnderItAndAnswers413OverIt(int overLimit, bool chunked, int status)
    {
        // A valid job padded with white space (still valid JSON). Kestrel counts chunked framing towards the
        // limit too, so a chunked body is refused a few bytes before the limit: hence a margin under it.
        var job = """{"provider":"echo","model":"m","prompt":"padded"}"""u8.ToArray();
        var body = new byte[BodyLimit + overLimit];
        Array.Fill(body, (byte)' ');
        job.CopyTo(body, 0);
        var before = fixture.RequestTopicCount();
        using var cancel = new CancellationTokenSource(Patience);
        using var socket = await RawHttp.ConnectAsync(fixture.GatewayUrl, cancel.Token);
        await socket.SendAsync(chunked ? Head(("Transfer-Encoding", "chunked")) : Head(("Content-Length", body.Length.ToString())), cancel.Token);

        // Sent while the answer is awaited: a server that refuses early may stop reading at any point.
        var sender = SendIgnoringHangUpAsync(socket, chunked ? [.. Chunk(body), .. "0\r\n\r\n"u8.ToArray()] : body, cancel.Token);
        var response = await RawHttp.ReceiveResponseAsync(socket, cancel.Token);

        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {Encoding.UTF8.GetString(response.Body)}");
        if (status != 202)
        {
            ProblemAssert.IsProblem(response);
        }

        socket.Shutdown(SocketShutdown.Both);
        await sender;
        Assert.Equal(before + (status == 202 ? 1 : 0), fixture.RequestTopicCount());
    }

    private static async Task SendIgnoringHangUpAsync(Socket socket, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(bytes, cancellationToken);
        }
        catch (SocketException)
        {
        }
    }

    private byte[] Head(params (string Name, string Value)[] framing) => RawHttp.Head("POST", "/process",
        [("Host", fixture.GatewayUrl.Authority), ("Content-Type", "application/json"), .. framing]);

    private static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), .. data, .. "\r\n"u8.ToArray()];
}
