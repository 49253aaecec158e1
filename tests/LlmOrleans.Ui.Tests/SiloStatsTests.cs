using LlmOrleans.Grains;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Telemetry;
using LlmOrleans.ServiceDefaults.Stats;
using LlmOrleans.Silo.Kafka;
using LlmOrleans.Silo.Stats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics.Metrics;

namespace LlmOrleans.Ui.Tests;

/// <summary>The silo's in-memory stats, fed by the job metrics the grains record.</summary>
public sealed class SiloStatsTests : IAsyncLifetime
{
    private static readonly LlmJob Job = new("id", "groq", "llama", "prompt", DateTimeOffset.UnixEpoch);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly ServiceProvider _host = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RunningJobs _running = new();
    private SiloStats _stats = null!;
    private JobMetricsListener _listener = null!;

    public async Task InitializeAsync()
    {
        var meters = _host.GetRequiredService<IMeterFactory>();
        _stats = new SiloStats(_running, new ConsumerLag(meters), _time);
        _listener = new JobMetricsListener(meters, _stats);
        await _listener.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _host.DisposeAsync();
        await _otherHost.DisposeAsync();
    }

    [Fact]
    public void JobMetrics_OfThisHost_AreCounted()
    {
        var metrics = new JobMetrics(_host.GetRequiredService<IMeterFactory>(), _running);
        _stats.Taken("a", _time.GetUtcNow(), null);
        _running.Started();

        metrics.Finished(Job, succeeded: true);
        metrics.Finished(Job, succeeded: true);
        metrics.Finished(Job, succeeded: false);
        metrics.Retried(Job, "http_429");
        metrics.Attempted(Job, TimeSpan.FromMilliseconds(250), AttemptOutcome.Success);
        metrics.Attempted(Job, TimeSpan.FromSeconds(1), "http_503");

        var snapshot = _stats.Snapshot("silo", "host");
        Assert.Equal(new JobTotals(1, 2, 1, 1), snapshot.Totals);
        Assert.Equal(1, snapshot.InFlight);
        var bucket = Assert.Single(snapshot.Completions);
        Assert.Equal((2, 1), (bucket.Succeeded, bucket.Failed));
        var latency = Assert.Single(snapshot.Latency);
        Assert.Equal(("groq", "llama", 1L), (latency.Provider, latency.Model, latency.FailedAttempts));
        Assert.Equal(1, latency.Counts[LatencyBuckets.IndexOf(0.25)]);
        Assert.Equal(LatencyBuckets.IndexOf(0.25) + 1, latency.Counts.Length);
    }

    [Fact]
    public void JobMetrics_OfAnotherHostInTheSameProcess_AreNotCounted()
    {
        var other = new JobMetrics(_otherHost.GetRequiredService<IMeterFactory>(), new RunningJobs());

        other.Finished(Job, succeeded: true);
        other.Attempted(Job, TimeSpan.FromSeconds(1), AttemptOutcome.Success);

        var snapshot = _stats.Snapshot("silo", "host");
        Assert.Equal(JobTotals.Zero, snapshot.Totals);
        Assert.Empty(snapshot.Latency);
    }

    [Fact]
    public void Completions_AreKeptForTenMinutes_PerTenSecondBucket()
    {
        _stats.Finished(succeeded: true);
        _time.Advance(TimeSpan.FromSeconds(10));
        _stats.Finished(succeeded: false);
        _stats.Finished(succeeded: true);

        Assert.Equal([(1, 0), (1, 1)], _stats.Snapshot("s", "h").Completions.Select(b => (b.Succeeded, b.Failed)));

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(10));
        Assert.Equal([(1, 1)], _stats.Snapshot("s", "h").Completions.Select(b => (b.Succeeded, b.Failed)));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(_stats.Snapshot("s", "h").Completions);
        Assert.Equal(2, _stats.Snapshot("s", "h").Totals.Succeeded);
    }

    [Fact]
    public void Latency_IsKeptForFiveMinutes()
    {
        _stats.Attempted("groq", "llama", 0.5, succeeded: true);
        _time.Advance(TimeSpan.FromMinutes(4));
        _stats.Attempted("groq", "llama", 0.5, succeeded: true);

        Assert.Equal(2, Assert.Single(_stats.Snapshot("s", "h").Latency).Counts.Sum());

        _time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(1, Assert.Single(_stats.Snapshot("s", "h").Latency).Counts.Sum());

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(_stats.Snapshot("s", "h").Latency);
    }

    [Fact]
    public void Latency_KeepsAtMost50ModelsApart_CountingTheRestTogether()
    {
        for (var i = 0; i < 80; i++)
        {
            _stats.Attempted("openai", $"model-{i}", 0.1, succeeded: true);
        }

        var latency = _stats.Snapshot("s", "h").Latency;
        Assert.Equal(51, latency.Count);
        Assert.Equal(30, latency.Single(l => l.Model == "(other)").Counts.Sum());
    }

    [Fact]
    public void TakenJobs_AreDrainedOldestFirst_AndAFailedPushPutsThemBack()
    {
        _stats.Taken("first", _time.GetUtcNow(), null);
        _stats.Taken("second", _time.GetUtcNow(), null);

        var drained = _stats.DrainTaken();
        _stats.Taken("third", _time.GetUtcNow(), null);
        _stats.ReturnTaken(drained);

        Assert.Equal(["first", "second", "third"], _stats.DrainTaken().Select(j => j.RequestId));
        Assert.Empty(_stats.DrainTaken());
    }
}
