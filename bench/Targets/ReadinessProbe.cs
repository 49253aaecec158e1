using System.Diagnostics;
using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Results;

namespace LlmOrleans.Bench.Targets;

/// <summary>
/// Runs one job end to end before any load, so a measurement never includes the silo still joining the
/// consumer group or activating its first grains, and a broken target fails fast with a reason.
/// </summary>
public static class ReadinessProbe
{
    public static async Task<TimeSpan> WaitAsync(Uri gateway, JobBody body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var client = new LoadClient(gateway, connections: 2, requestTimeout: TimeSpan.FromSeconds(10));
        var errors = new ErrorTally();
        var submitter = new JobSubmitter(client, errors);
        await using var tracker = new PollingResultTracker(client, errors, TimeSpan.FromMilliseconds(20), pollers: 1);
        using var content = body.NewContent();
        var buffer = new byte[JobSubmitter.BufferSize];
        while (clock.Elapsed < timeout)
        {
            if (await submitter.SubmitAsync(content, buffer) is { } id)
            {
                var outcome = await tracker.Track(id).WaitAsync(timeout - clock.Elapsed, cancellationToken);
                return outcome.Status == JobStatus.Succeeded
                    ? clock.Elapsed
                    : throw new InvalidOperationException($"The probe job ended {outcome.Status}; is the echo provider configured?");
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"No job could be submitted within {timeout.TotalSeconds:0} s ({string.Join(", ", errors.Snapshot().Keys)}).");
    }
}
