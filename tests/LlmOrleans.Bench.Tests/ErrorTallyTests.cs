using System.Net.Http;
using System.Net.Sockets;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Tests;

/// <summary>Errors are counted by a kind a reader of the summary can act on.</summary>
public sealed class ErrorTallyTests
{
    [Fact]
    public void Errors_are_named_by_status_code_and_cause_and_listed_largest_first()
    {
        var tally = new ErrorTally();
        tally.AddStatus(503);
        tally.AddStatus(503);
        tally.AddStatus(503);
        tally.Add(new TaskCanceledException());
        tally.Add(new TimeoutException());
        tally.Add(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));
        tally.Add(new HttpRequestException(HttpRequestError.ResponseEnded));
        tally.Add(new InvalidDataException());

        Assert.Equal(8, tally.Total);
        Assert.Equal(
            [("http 503", 3L), ("timeout", 2L)],
            tally.Snapshot().Take(2).Select(p => (p.Key, p.Value)));
        Assert.Equal(1, tally.Snapshot()["socket ConnectionRefused"]);
        Assert.Equal(1, tally.Snapshot()["request ResponseEnded"]);
        Assert.Equal(1, tally.Snapshot()[nameof(InvalidDataException)]);
    }

    [Fact]
    public void Concurrent_errors_are_all_counted()
    {
        var tally = new ErrorTally();
        Parallel.For(0, 10_000, i => tally.AddStatus(i % 2 == 0 ? 429 : 500));

        Assert.Equal(10_000, tally.Total);
        Assert.Equal(5_000, tally.Snapshot()["http 429"]);
        Assert.Equal(5_000, tally.Snapshot()["http 500"]);
    }
}
