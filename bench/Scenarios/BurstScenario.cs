using System.Diagnostics;
using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Targets;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>K jobs submitted as fast as possible, then every result awaited: how long the tail takes.</summary>
public static class BurstScenario
{
    public static async Task<RunResult> RunAsync(BenchTarget target, JobBody body, BurstPlan plan, CancellationToken cancellationToken)
    {
        using var client = new LoadClient(target.Gateway, plan.Connections, plan.RequestTimeout);
        var counters = new LoadCounters();
        await using var tracker = ResultTrackers.Start(plan.Results, target, client, counters.Errors, plan.Connections);
        var memoryBefore = MemoryFigures.Now();
        var runtimeBefore = RuntimeSnapshot.Now();
        var flow = new JobFlow(new JobSubmitter(client, counters.Errors), tracker, counters, window: null);

        var started = Stopwatch.GetTimestamp();
        var next = 0;
        var submits = ClosedLoop.RunAsync(Math.Min(plan.Connections, plan.Jobs), body, async sender =>
        {
            if (Interlocked.Increment(ref next) > plan.Jobs)
            {
                return false;
            }

            // The result is awaited by its own continuation; this sender goes straight on to the next submit.
            _ = await flow.SubmitAsync(sender.Content, sender.Buffer, Stopwatch.GetTimestamp());
            return true;
        }, cancellationToken);
        await ProgressDisplay.ShowWhileAsync($"burst of {plan.Jobs} → gateway ({tracker.Name})", counters, SubmitThenDrainAsync());

        async Task SubmitThenDrainAsync()
        {
            await submits;
            await Drain.WaitAsync(counters, tracker, plan.Timeout, cancellationToken);
        }

        var endToEnd = counters.EndToEnd.Summarize();
        var submitSeconds = counters.LastSubmitAt > 0 ? Stopwatch.GetElapsedTime(started, counters.LastSubmitAt).TotalSeconds : 0;
        var allSeconds = counters.LastCompletionAt > 0 ? Stopwatch.GetElapsedTime(started, counters.LastCompletionAt).TotalSeconds : 0;
        return new RunResult
        {
            Target = "gateway",
            Mode = "burst",
            Shape = $"{plan.Jobs} jobs over {plan.Connections} connections, then wait (≤ {plan.Timeout.TotalSeconds:0} s)",
            ResultsVia = tracker.Name,
            Connections = plan.Connections,
            Jobs = plan.Jobs,
            MeasuredSeconds = submitSeconds,
            Submitted = counters.Submitted,
            SubmittedPerSecond = submitSeconds > 0 ? counters.Submitted / submitSeconds : 0,
            Completed = counters.Completed,
            CompletedPerSecond = allSeconds > 0 ? counters.Completed / allSeconds : null,
            SubmitLatency = counters.SubmitLatency.Summarize(),
            EndToEnd = endToEnd,
            Stages = counters.Stages.Summarize(),
            ProviderLatencyMs = target.ProviderLatencyMs,
            Overhead = target.ProviderLatencyMs is { } provider ? endToEnd?.Minus(provider) : null,
            LastSubmitToLastResultSeconds = allSeconds > 0 ? allSeconds - submitSeconds : null,
            Errors = counters.Errors.Snapshot(),
            MemoryBefore = memoryBefore,
            MemoryAfter = MemoryFigures.Now(),
            Runtime = RuntimeFigures.Since(runtimeBefore),
        };
    }
}
