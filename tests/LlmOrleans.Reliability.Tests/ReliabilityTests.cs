using System.Diagnostics;
using System.Net;
using System.Text;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Reliability.Tests;

/// <summary>
/// Real silo and gateway processes killed, added, stopped and starved of Redis or Kafka mid-run.
/// Each test prints its figures (jobs, recovery time, duplicates) for docs/reliability.md.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class ReliabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SiloKilledMidRun_EveryJobSucceedsWithExactlyOneOutcome()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string> { ["ECHO_LATENCY_MS"] = "300" });
        var silos = new[] { await cluster.StartSiloAsync("silo-1"), await cluster.StartSiloAsync("silo-2"), await cluster.StartSiloAsync("silo-3") };
        var gateway = await cluster.StartGatewayAsync("gateway");
        await Eventually.TrueAsync(() => Task.FromResult(silos.All(s => s.HasPartitions)), TimeSpan.FromSeconds(60),
            "every silo to own partitions");
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(10) };
        var load = new JobLoad(http);
        var victim = silos[1];
        var killedAt = Stopwatch.StartNew();
        var killed = 0;

        await load.SubmitManyAsync(1000, parallelism: 8, onEach: _ =>
        {
            // Mid-run: once the victim has finished some jobs and is busy with more.
            if (victim.CountLines("Succeeded after") >= 20 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                victim.KillAsync().GetAwaiter().GetResult();
                killedAt.Restart();
            }
        });
        Assert.Equal(1, killed);

        var results = await load.WaitForAllAsync(TimeSpan.FromMinutes(4));
        var recovery = killedAt.Elapsed;
        var ledger = await ResponseLedger.ReadAsync(cluster.Broker.BootstrapServers, load.Accepted);

        Assert.Equal(1000, results.Count);
        Assert.All(results.Values, r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        Assert.Equal(1000, ledger.Jobs);
        Assert.Empty(ledger.Conflicting);
        output.WriteLine($"silo crash: 1000 jobs, 3 silos, 1 SIGKILL; all succeeded {recovery.TotalSeconds:0.0} s after the kill; " +
            $"{ledger.Records} records on llm.responses, {ledger.Duplicates} duplicates (same outcome), 0 conflicting; " +
            $"resumed by the survivors: {silos[0].CountLines("resumed") + silos[2].CountLines("resumed")}");
    }

    [Fact]
    public async Task SilosAddedUnderLoadTakeWork_AndAGracefulStopLosesNothing()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string> { ["ECHO_LATENCY_MS"] = "100" });
        await cluster.StartSiloAsync("silo-1");
        var gateway = await cluster.StartGatewayAsync("gateway");
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(10) };
        var load = new JobLoad(http);
        using var stopLoad = new CancellationTokenSource();
        var producing = Task.Run(async () =>
        {
            for (var i = 0; !stopLoad.IsCancellationRequested; i++)
            {
                await load.SubmitAsync($"steady {i}");
                await Task.Delay(10);
            }
        });

        var added = new[] { await cluster.StartSiloAsync("silo-2"), await cluster.StartSiloAsync("silo-3") };
        await Eventually.TrueAsync(() => Task.FromResult(added.All(s => s.CountLines("Succeeded after") > 0)),
            TimeSpan.FromSeconds(90), "the added silos to run jobs");
        var stopwatch = Stopwatch.StartNew();
        await added[1].TerminateAsync(TimeSpan.FromSeconds(60));
        var stopTime = stopwatch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stopLoad.CancelAsync();
        await producing.ContinueWith(_ => { });

        var results = await load.WaitForAllAsync(TimeSpan.FromMinutes(3));
        var ledger = await ResponseLedger.ReadAsync(cluster.Broker.BootstrapServers, load.Accepted);

        Assert.All(results.Values, r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        Assert.Equal(load.Accepted.Count, ledger.Jobs);
        Assert.Empty(ledger.Conflicting);
        output.WriteLine($"scale out: {load.Accepted.Count} jobs; silo-2 ran {added[0].CountLines("Succeeded after")}, " +
            $"silo-3 ran {added[1].CountLines("Succeeded after")} before its SIGTERM; graceful stop took {stopTime.TotalSeconds:0.0} s; " +
            $"{ledger.Duplicates} duplicates (same outcome), 0 lost");
    }

    [Fact]
    public async Task RedisDownForFiveSecondsMidRun_EveryJobStillCompletes()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string> { ["ECHO_LATENCY_MS"] = "200" });
        await cluster.StartSiloAsync("silo-1");
        var gateway = await cluster.StartGatewayAsync("gateway");
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(10) };
        var load = new JobLoad(http);

        var submitting = load.SubmitManyAsync(400, parallelism: 4);
        await Eventually.TrueAsync(() => Task.FromResult(load.Accepted.Count >= 100), TimeSpan.FromSeconds(60), "100 accepted jobs");
        await cluster.Redis.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await cluster.Redis.StartAgainAsync();
        var restarted = Stopwatch.StartNew();
        await submitting;

        var results = await load.WaitForAllAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(400, results.Count);
        Assert.All(results.Values, r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        output.WriteLine($"redis outage: 400 jobs, redis down 5 s; all succeeded {restarted.Elapsed.TotalSeconds:0.0} s after it came back");
    }

    [Fact]
    public async Task GatewayWithKafkaDown_AnswersEveryConcurrentSubmit503WithRetryAfterWithinFiveSeconds()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string>());
        var gateway = await cluster.StartGatewayAsync("gateway", new Dictionary<string, string>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = $"127.0.0.1:{FreePort.Next()}",
        });
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(30) };

        // Submitted together, so they share acceptance groups: every job of a group must get its own answer.
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => http.PostAsync("/process",
            new StringContent($$"""{"provider":"echo","model":"m","prompt":"p{{i}}"}""", Encoding.UTF8, "application/json"))));
        var elapsed = stopwatch.Elapsed;

        Assert.All(responses, response =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        });
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        output.WriteLine($"kafka down: 20 concurrent submits, all 503 with Retry-After {responses[0].Headers.RetryAfter} in {elapsed.TotalSeconds:0.00} s");
        Array.ForEach(responses, r => r.Dispose());
    }

    [Fact]
    public async Task BacklogOverTheInflightCap_PausesConsumingAndDrainsWithBoundedMemory()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string>
        {
            ["ECHO_LATENCY_MS"] = "100",
            ["MAX_INFLIGHT_JOBS"] = "50",
        });
        var silo = await cluster.StartSiloAsync("silo-1");
        var baseline = silo.ResidentBytes;
        var ids = Enumerable.Range(0, 1500).Select(_ => Guid.NewGuid().ToString()).ToList();

        await KafkaTopic.ProduceManyAsync(cluster.Broker.BootstrapServers, "llm.requests", ids.Select(id => (id,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["request_id"] = id, ["provider"] = "echo", ["model"] = "m", ["prompt"] = $"backlog {id}",
            }))));
        var peak = baseline;
        var ledger = await Eventually.UntilAsync(
            () =>
            {
                peak = Math.Max(peak, silo.ResidentBytes);
                return Task.FromResult(KafkaTopic.Count(cluster.Broker.BootstrapServers, "llm.responses"));
            },
            count => count >= ids.Count,
            TimeSpan.FromMinutes(2),
            "every backlog job on llm.responses");

        Assert.True(silo.CountLines("Paused consuming") > 0, "the consumer should pause at MAX_INFLIGHT_JOBS");
        Assert.True(silo.CountLines("Resumed consuming") > 0, "and resume as jobs drain");
        Assert.True(peak - baseline < 300L * 1024 * 1024, $"resident memory grew by {(peak - baseline) / 1048576} MiB");
        output.WriteLine($"backlog: {ids.Count} jobs queued at once, MAX_INFLIGHT_JOBS=50; paused {silo.CountLines("Paused consuming")} times; " +
            $"silo RSS {baseline / 1048576} MiB before, peak {peak / 1048576} MiB; {ledger} results");
    }
}
