using System.Diagnostics;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Results;

/// <summary>
/// Waits for each job with <c>GET /result/{id}?wait=20</c>, as a client that long-polls does: one request held
/// per outstanding job, on a connection pool of its own so waiting reads never hold up submits. A result is seen
/// the moment its grain has stored it.
/// </summary>
public sealed class LongPollResultTracker : IResultTracker
{
    private const int BufferSize = 4096;
    private const int Connections = 1024;
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(40);
    private readonly LoadClient _client;
    private readonly ErrorTally _errors;
    private readonly CancellationTokenSource _abandoned = new();
    private int _outstanding;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LongPollResultTracker(Uri gateway, ErrorTally errors)
    {
        _client = new LoadClient(gateway, Connections, WaitTimeout);
        _errors = errors;
    }

    public string Name => "longpoll";

    public Task<Completion> Track(Guid requestId)
    {
        Interlocked.Increment(ref _outstanding);
        return WaitAsync(requestId);
    }

    public void Abandon() => _abandoned.Cancel();

    public async ValueTask DisposeAsync()
    {
        _abandoned.Cancel();
        if (Volatile.Read(ref _outstanding) > 0)
        {
            await _drained.Task;
        }

        _client.Dispose();
        _abandoned.Dispose();
    }

    private async Task<Completion> WaitAsync(Guid requestId)
    {
        var buffer = new byte[BufferSize];
        var uri = new Uri(_client.ResultUri(requestId) + "?wait=20");
        try
        {
            while (!_abandoned.IsCancellationRequested)
            {
                var answer = await WaitOnceAsync(uri, buffer);
                if (answer.Status != JobStatus.Pending)
                {
                    return new Completion(Stopwatch.GetTimestamp(), answer);
                }
            }

            return Completion.Without(Stopwatch.GetTimestamp(), JobStatus.Incomplete);
        }
        finally
        {
            if (Interlocked.Decrement(ref _outstanding) == 0 && _abandoned.IsCancellationRequested)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>One held GET; transient failures are counted and read as still pending, so the job is asked again.</summary>
    private async Task<ResultFields> WaitOnceAsync(Uri uri, byte[] buffer)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _abandoned.Token);
            return await ResultAnswer.ReadAsync(response, buffer, _errors);
        }
        catch (OperationCanceledException) when (_abandoned.IsCancellationRequested)
        {
            return new ResultFields(JobStatus.Incomplete);
        }
        catch (Exception ex)
        {
            _errors.Add(ex);
            return new ResultFields(JobStatus.Pending);
        }
    }
}
