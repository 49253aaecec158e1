using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Sockets;

namespace LlmOrleans.Bench.Load;

/// <summary>Errors counted by kind: <c>http 503</c>, <c>timeout</c>, <c>socket ConnectionRefused</c>, …</summary>
public sealed class ErrorTally
{
    private static readonly ConcurrentDictionary<int, string> StatusKinds = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private long _total;

    /// <summary>All errors so far.</summary>
    public long Total => Volatile.Read(ref _total);

    /// <summary>Counts one error of <paramref name="kind"/>.</summary>
    public void Add(string kind)
    {
        _counts.AddOrUpdate(kind, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Counts one failed request, named after its status code.</summary>
    public void AddStatus(int statusCode) => Add(StatusKinds.GetOrAdd(statusCode, static code => $"http {code}"));

    /// <summary>Counts one exception, named after what went wrong.</summary>
    public void Add(Exception exception) => Add(KindOf(exception));

    /// <summary>The counts, largest first.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        _counts.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => p.Value);

    private static string KindOf(Exception exception) => exception switch
    {
        HttpRequestException { InnerException: SocketException socket } => $"socket {socket.SocketErrorCode}",
        HttpRequestException http => $"request {http.HttpRequestError}",
        TaskCanceledException or TimeoutException => "timeout",
        SocketException socket => $"socket {socket.SocketErrorCode}",
        _ => exception.GetType().Name,
    };
}
