using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Reliability.Tests;

/// <summary>Client-side load as a well-behaved user produces it: retries a 503, polls results, tolerates failover.</summary>
public sealed class JobLoad(HttpClient http)
{
    private readonly ConcurrentQueue<string> _accepted = new();

    /// <summary>Request ids the gateway accepted (202), in acceptance order.</summary>
    public IReadOnlyCollection<string> Accepted => _accepted;

    /// <summary>Submits one echo job, retrying while the gateway answers 503; returns its request id.</summary>
    public async Task<string> SubmitAsync(string prompt, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/process", new { provider = "echo", model = "echo", prompt }, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    var id = body.RootElement.GetProperty("request_id").GetString()!;
                    _accepted.Enqueue(id);
                    return id;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    throw new HttpRequestException($"POST /process answered {(int)response.StatusCode}");
                }
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Submits <paramref name="count"/> jobs, <paramref name="parallelism"/> at a time.</summary>
    public Task SubmitManyAsync(int count, int parallelism, Action<int>? onEach = null) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            await SubmitAsync($"job {i}", ct);
            onEach?.Invoke(i);
        });

    /// <summary>
    /// Polls every accepted job until all have succeeded. A 404 fails at once (a lost job); 503s and
    /// pending are waited out. Returns each job's final body.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> WaitForAllAsync(TimeSpan timeout)
    {
        var finished = new ConcurrentDictionary<string, JsonElement>();
        var deadline = DateTime.UtcNow + timeout;
        while (finished.Count < _accepted.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_accepted.Count - finished.Count} of {_accepted.Count} jobs unfinished after {timeout}.");
            }

            await Parallel.ForEachAsync(_accepted.Where(id => !finished.ContainsKey(id)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (id, _) =>
                {
                    var (status, body) = await ReadAsync(id);
                    Assert.NotEqual(HttpStatusCode.NotFound, status);
                    if (status == HttpStatusCode.OK && body.GetProperty("status").GetString() != "pending")
                    {
                        finished[id] = body;
                    }
                });
            await Task.Delay(100);
        }

        return finished;
    }

    private async Task<(HttpStatusCode, JsonElement)> ReadAsync(string id)
    {
        try
        {
            return await http.GetResultAsync(id);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (HttpStatusCode.ServiceUnavailable, default);
        }
    }
}
