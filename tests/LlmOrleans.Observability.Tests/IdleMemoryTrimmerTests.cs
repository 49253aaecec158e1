using LlmOrleans.Grains;
using LlmOrleans.Silo.Memory;
using LlmOrleans.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LlmOrleans.Observability.Tests;

public sealed class IdleMemoryTrimmerTests : IAsyncLifetime
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new();
    private readonly RunningJobs _jobs = new();
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly IdleMemoryTrimmer _trimmer;

    public IdleMemoryTrimmerTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _trimmer = new IdleMemoryTrimmer(_jobs, Options.Create(new IdleTrimOptions { IdleAfter = IdleAfter }), _time,
            _loggers.CreateLogger<IdleMemoryTrimmer>());
    }

    [Fact]
    public async Task ASiloThatNeverRanAJob_IsNeverTrimmed()
    {
        await PassAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(0, Trims());
    }

    [Fact]
    public async Task AfterABusySpell_ItTrimsOnce_OnlyOnceNoJobStartedForTheIdleTime()
    {
        _jobs.Started();
        await PassAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(0, Trims());

        _jobs.Finished();
        await PassAsync(IdleAfter - TimeSpan.FromSeconds(10));
        Assert.Equal(0, Trims());

        await PassAsync(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => Task.FromResult(Trims() == 1), TimeSpan.FromSeconds(10), "the first trim");

        await PassAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(1, Trims());

        _jobs.Started();
        _jobs.Finished();
        await PassAsync(IdleAfter + TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => Task.FromResult(Trims() == 2), TimeSpan.FromSeconds(10), "the second trim");
    }

    // Started off the test framework's synchronization context, as a host starts it.
    public Task InitializeAsync() => Task.Run(() => _trimmer.StartAsync(CancellationToken.None));

    public async Task DisposeAsync()
    {
        await _trimmer.StopAsync(CancellationToken.None);
        _trimmer.Dispose();
        _loggers.Dispose();
    }

    /// <summary>Moves the clock one timer tick at a time, letting the trimmer's loop run after each.</summary>
    private async Task PassAsync(TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(5))
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }
    }

    private int Trims() => _logs.Lines.Count(l => l.Contains("compacted the heap", StringComparison.Ordinal));
}
