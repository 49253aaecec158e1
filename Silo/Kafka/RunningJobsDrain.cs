using LlmOrleans.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Silo.Kafka;

/// <summary>
/// On shutdown, after the consumer stopped taking messages and before the silo stops, lets running jobs
/// finish within the grace period. Jobs still running after it are resumed by another silo's watchdog.
/// </summary>
public sealed partial class RunningJobsDrain(
    RunningJobs runningJobs,
    IOptions<JobConsumerOptions> options,
    TimeProvider time,
    ILogger<RunningJobsDrain> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = runningJobs.Count;
        if (running == 0)
        {
            return;
        }

        var grace = options.Value.ShutdownGracePeriod;
        LogDraining(running, grace.TotalSeconds);
        if (!await runningJobs.WaitUntilIdleAsync(grace, time))
        {
            LogLeftBehind(runningJobs.Count);
        }
    }

    [LoggerMessage(320, LogLevel.Information, "Stopping: letting {Running} running jobs finish (up to {GraceSeconds} s)")]
    private partial void LogDraining(int running, double graceSeconds);

    [LoggerMessage(321, LogLevel.Warning, "Stopping with {Running} jobs unfinished; another silo's watchdog resumes them")]
    private partial void LogLeftBehind(int running);
}
