using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Results;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>Waits for outstanding jobs after the load has stopped, then gives up on the rest.</summary>
public static class Drain
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    public static async Task WaitAsync(LoadCounters counters, IResultTracker tracker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (counters.InFlight > 0 && !deadline.IsCancellationRequested)
        {
            await Task.Delay(Step, cancellationToken);
        }

        if (counters.InFlight == 0)
        {
            return;
        }

        tracker.Abandon();
        // Submits still on the wire end within the request timeout and are then abandoned too.
        while (counters.InFlight > 0)
        {
            await Task.Delay(Step, cancellationToken);
            tracker.Abandon();
        }
    }
}
