using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Outcomes;
using LlmOrleans.Grains.Providers;
using LlmOrleans.Grains.Quotas;
using LlmOrleans.Grains.Watchdog;
using LlmOrleans.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LlmOrleans.Grains.Tests;

/// <summary>
/// One in-process silo wired like the real one, with memory storage, a scripted provider and a recording
/// publisher. In-process, so the tests and the grains share the doubles below.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string MemoryStorageName = "jobs-memory";

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(MemoryStorageName);
            silo.UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<IGrainStorage>(JobStorage.Name, (services, _) =>
                new FaultInjectingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryStorageName), StorageFaults));
            silo.Services.Configure<JobExecutionOptions>(o =>
            {
                o.MaxAttempts = Execution.MaxAttempts;
                o.AttemptTimeout = Execution.AttemptTimeout;
                o.BackoffBase = Execution.BackoffBase;
                o.BackoffMax = Execution.BackoffMax;
                o.ResultTtl = Execution.ResultTtl;
                o.WatchdogPeriod = Execution.WatchdogPeriod;
                o.CircuitOpenBase = Execution.CircuitOpenBase;
                o.CircuitOpenMax = Execution.CircuitOpenMax;
                o.CircuitMaxWait = Execution.CircuitMaxWait;
            });
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<JobRunner>();
            silo.Services.AddSingleton(RunningJobs);
            silo.Services.AddSingleton<IJobWatchlist>(Watchlist);
            silo.Services.AddSingleton<IJobQuota>(Quota);
            silo.Services.AddSingleton<JobMetrics>();
            silo.Services.AddSingleton<ProviderCircuits>();
            silo.Services.AddSingleton<ILlmClientRegistry>(new FakeClientRegistry(Provider));
            silo.Services.AddSingleton<IJobOutcomePublisher>(Outcomes);
        });
        Cluster = builder.Build();
    }

    /// <summary>
    /// Small timings so retries and expiry happen within a test. BackoffMax stays above the Retry-After
    /// the tests send, since Retry-After is capped by it.
    /// </summary>
    public static JobExecutionOptions Execution { get; } = new()
    {
        MaxAttempts = 3,
        AttemptTimeout = TimeSpan.FromMilliseconds(500),
        BackoffBase = TimeSpan.FromMilliseconds(10),
        BackoffMax = TimeSpan.FromSeconds(1),
        ResultTtl = TimeSpan.FromSeconds(1.5),
        CircuitOpenBase = TimeSpan.FromMilliseconds(200),
        CircuitOpenMax = TimeSpan.FromMilliseconds(800),
        CircuitMaxWait = TimeSpan.FromSeconds(10),
    };

    public InProcessTestCluster Cluster { get; }

    public ScriptedChatClient Provider { get; } = new();

    public RunningJobs RunningJobs { get; } = new();

    public InMemoryJobWatchlist Watchlist { get; } = new();

    public RecordingJobQuota Quota { get; } = new();

    public RecordingOutcomePublisher Outcomes { get; } = new();

    public StorageFaults StorageFaults { get; } = new();

    /// <summary>A job no other test uses, with its own model name to script the provider by.</summary>
    public static LlmJob NewJob(string provider = FakeClientRegistry.ProviderName)
    {
        var id = Guid.NewGuid().ToString("N");
        return new LlmJob(id, provider, $"model-{id}", "Say hello", DateTimeOffset.UtcNow);
    }

    public ILlmJobGrain Grain(LlmJob job) => Cluster.Client.GetGrain<ILlmJobGrain>(job.RequestId);

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();

        // Activates the grain type once so the first test's timings do not include start-up costs.
        await Cluster.Client.GetGrain<ILlmJobGrain>("warm-up").GetAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
