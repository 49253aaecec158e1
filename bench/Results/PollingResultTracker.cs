using System.Diagnostics;
using System.Threading.Channels;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Results;

/// <summary>
/// Polls <c>GET /result/{id}</c> like a client without Kafka: a fixed number of pollers take jobs in turn, each
/// job at most once per interval, so polling load stays bounded however many jobs are outstanding. A result is
/// seen at most one interval (plus queueing) after it became visible.
/// </summary>
public sealed class PollingResultTracker : IResultTracker
{
    private const int BufferSize = 4096;
    private readonly LoadClient _client;
    private readonly ErrorTally _errors;
    private readonly long _intervalTicks;
    private readonly Channel<PollEntry> _queue = Channel.CreateUnbounded<PollEntry>();
    private readonly Task[] _pollers;
    private volatile bool _abandoned;

    public PollingResultTracker(LoadClient client, ErrorTally errors, TimeSpan interval, int pollers)
    {
        _client = client;
        _errors = errors;
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        _pollers = [.. Enumerable.Range(0, pollers).Select(_ => Task.Run(PollLoopAsync))];
    }

    public string Name => "poll";

    public Task<Completion> Track(Guid requestId)
    {
        var entry = new PollEntry(requestId, Stopwatch.GetTimestamp() + _intervalTicks);
        if (!_queue.Writer.TryWrite(entry))
        {
            entry.Finish(new ResultFields(JobStatus.Incomplete));
        }

        return entry.Result.Task;
    }

    public void Abandon() => _abandoned = true;

    public async ValueTask DisposeAsync()
    {
        _abandoned = true;
        _queue.Writer.TryComplete();
        await Task.WhenAll(_pollers);
    }

    private async Task PollLoopAsync()
    {
        var buffer = new byte[BufferSize];
        await foreach (var entry in _queue.Reader.ReadAllAsync())
        {
            if (_abandoned)
            {
                entry.Finish(new ResultFields(JobStatus.Incomplete));
                continue;
            }

            var wait = entry.NextPollAt - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(Stopwatch.GetElapsedTime(0, wait));
            }

            var answer = await PollOnceAsync(entry.RequestId, buffer);
            if (answer.Status != JobStatus.Pending)
            {
                entry.Finish(answer);
                continue;
            }

            entry.NextPollAt = Stopwatch.GetTimestamp() + _intervalTicks;
            if (!_queue.Writer.TryWrite(entry))
            {
                entry.Finish(new ResultFields(JobStatus.Incomplete));
            }
        }
    }

    /// <summary>One GET; transient failures are counted and read as still pending, so the job is polled again.</summary>
    private async Task<ResultFields> PollOnceAsync(Guid requestId, byte[] buffer)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _client.ResultUri(requestId));
            using var response = await _client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return await ResultAnswer.ReadAsync(response, buffer, _errors);
        }
        catch (Exception ex)
        {
            _errors.Add(ex);
            return new ResultFields(JobStatus.Pending);
        }
    }

    private sealed class PollEntry(Guid requestId, long nextPollAt)
    {
        public Guid RequestId { get; } = requestId;

        public long NextPollAt { get; set; } = nextPollAt;

        public TaskCompletionSource<Completion> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish(ResultFields answer) => Result.TrySetResult(new Completion(Stopwatch.GetTimestamp(), answer));
    }
}
