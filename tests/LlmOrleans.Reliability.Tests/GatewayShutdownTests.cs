using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Reliability.Tests;

/// <summary>A gateway stopped by SIGTERM while clients keep calling it.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class GatewayShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SigtermWhileNoSiloWasEverReached_AnswersNo500_AndExitsPromptly()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string>());
        var gateway = await cluster.StartGatewayAsync("gateway");
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(10) };
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();

        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync("/process", new { provider = "echo", model = "m", prompt = "during shutdown" });
                    statuses.Add(response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    // The gateway closed the connection or stopped listening: what a stopping server may do.
                }
                catch (TaskCanceledException)
                {
                }
            }
        })).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(statuses.Count(s => s == HttpStatusCode.Accepted) >= 50),
            TimeSpan.FromSeconds(30), "jobs accepted while no silo runs");
        var stopping = Stopwatch.StartNew();
        await gateway.TerminateAsync(TimeSpan.FromSeconds(30));
        var exitSeconds = stopping.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var byStatus = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"exit {exitSeconds:0.00} s after SIGTERM; answers: {string.Join(", ", byStatus.Select(kv => $"{(int)kv.Key}×{kv.Value}"))}");
        Assert.DoesNotContain(statuses, s => (int)s >= 500 && s != HttpStatusCode.ServiceUnavailable);
        Assert.True(exitSeconds < 15, $"the gateway took {exitSeconds:0.0} s to exit");
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("Hosting failed to start", StringComparison.Ordinal));
    }
}
