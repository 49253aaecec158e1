using System.Diagnostics;
using System.Net;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Reliability.Tests;

/// <summary>A long poll (<c>GET /result/{id}?wait=N</c>) held on a job whose silo is stopped by SIGTERM.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class LongPollShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SiloStoppedWhileAPollWaitsOnItsRunningJob_AnswersThePollAtOnce_WithTheJobStillUnfinished()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string> { ["ECHO_LATENCY_MS"] = "60000" });
        var silo = await cluster.StartSiloAsync("silo-1");
        var gateway = await cluster.StartGatewayAsync("gateway");
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(60) };
        var requestId = await new JobLoad(http).SubmitAsync("a minute-long job");
        await Eventually.TrueAsync(async () => await http.GetResultAsync(requestId) is (HttpStatusCode.OK, var job)
                && job.GetProperty("phase").GetString() == "running",
            TimeSpan.FromSeconds(60), "the job to start running");

        var poll = http.GetResultAsync(requestId, wait: "20");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(poll.IsCompleted, "the poll answered before the job finished or the silo stopped");
        var stopping = Stopwatch.StartNew();
        var terminated = silo.TerminateAsync(TimeSpan.FromSeconds(60));
        var (status, body) = await poll;
        var answeredAfter = stopping.Elapsed;
        await terminated;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("running", body.GetProperty("phase").GetString());
        Assert.True(answeredAfter < TimeSpan.FromSeconds(10), $"the poll was held {answeredAfter.TotalSeconds:0.0} s after SIGTERM");
        output.WriteLine($"silo SIGTERM under a 20 s long poll: answered pending/running {answeredAfter.TotalMilliseconds:0} ms after the signal");
    }
}
