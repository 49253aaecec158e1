using System.Diagnostics;
using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Report;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>How many <c>POST /process</c> per second N connections get through, and how fast each returns.</summary>
public static class SubmitScenario
{
    public static async Task<RunResult> RunAsync(string targetName, Uri address, JobBody body, SubmitPlan plan, CancellationToken cancellationToken)
    {
        using var client = new LoadClient(address, plan.Connections, plan.RequestTimeout);
        var counters = new LoadCounters();
        var submitter = new JobSubmitter(client, counters.Errors);
        var memoryBefore = MemoryFigures.Now();
        var window = new RunWindow(plan.Warmup, plan.Duration);
        var runtime = RuntimeFigures.OverAsync(window);

        var load = ClosedLoop.RunAsync(plan.Connections, body, async sender =>
        {
            var startedAt = Stopwatch.GetTimestamp();
            if (await submitter.SubmitAsync(sender.Content, sender.Buffer) is not null)
            {
                var returnedAt = Stopwatch.GetTimestamp();
                counters.Accepted(returnedAt);
                if (window.Measures(startedAt))
                {
                    counters.SubmitLatency.RecordTicks(returnedAt - startedAt);
                }
            }

            return !window.IsOver;
        }, cancellationToken);
        await ProgressDisplay.ShowWhileAsync($"submit → {targetName}", counters, load);

        var submitted = counters.SubmitLatency.Count;
        return new RunResult
        {
            Target = targetName,
            Mode = "submit",
            Shape = $"closed loop, {plan.Connections} connections, {plan.Duration.TotalSeconds:0.#} s after {plan.Warmup.TotalSeconds:0.#} s warm-up",
            Connections = plan.Connections,
            MeasuredSeconds = window.MeasuredSeconds,
            Submitted = submitted,
            SubmittedPerSecond = submitted / window.MeasuredSeconds,
            SubmitLatency = counters.SubmitLatency.Summarize(),
            Errors = counters.Errors.Snapshot(),
            MemoryBefore = memoryBefore,
            MemoryAfter = MemoryFigures.Now(),
            Runtime = await runtime,
        };
    }
}
