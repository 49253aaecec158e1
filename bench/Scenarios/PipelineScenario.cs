using System.Buffers;
using System.Diagnostics;
using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Results;
using LlmOrleans.Bench.Targets;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>Jobs end to end under a steady load: open loop at a rate, or closed loop of N waiting clients.</summary>
public static class PipelineScenario
{
    public static async Task<RunResult> RunAsync(BenchTarget target, JobBody body, PipelinePlan plan, CancellationToken cancellationToken)
    {
        using var client = new LoadClient(target.Gateway, plan.Connections, plan.RequestTimeout);
        var counters = new LoadCounters();
        await using var tracker = ResultTrackers.Start(plan.Results, target, client, counters.Errors, plan.Connections);
        var submitter = new JobSubmitter(client, counters.Errors);
        return await RunAsync("gateway", submitter, tracker, counters, body, plan, target.ProviderLatencyMs, cancellationToken);
    }

    /// <summary>The same load through any way in (<paramref name="submitter"/>) and out (<paramref name="tracker"/>).</summary>
    public static async Task<RunResult> RunAsync(
        string targetName, IJobSubmitter submitter, IResultTracker tracker, LoadCounters counters, JobBody body, PipelinePlan plan,
        double? providerLatencyMs, CancellationToken cancellationToken)
    {
        var memoryBefore = MemoryFigures.Now();
        var window = new RunWindow(plan.Warmup, plan.Duration);
        var runtime = RuntimeFigures.OverAsync(window);
        var inFlightAtOpen = InFlightWhenOpenAsync(window, counters);
        var flow = new JobFlow(submitter, tracker, counters, window);

        var load = plan.Rate is { } rate
            ? OpenLoop.RunAsync(rate, window, dueAt => StartOpenLoopJob(flow, body, counters, plan.MaxInFlight, dueAt), cancellationToken)
            : ClosedLoop.RunAsync(plan.Clients ?? plan.Connections, body, async sender =>
            {
                if (await flow.SubmitAsync(sender.Content, sender.Buffer, Stopwatch.GetTimestamp()) is { } result)
                {
                    await result.WaitAsync(cancellationToken);
                }

                return !window.IsOver;
            }, cancellationToken);
        var title = $"pipeline → {targetName} ({tracker.Name})";
        await ProgressDisplay.ShowWhileAsync(title, counters, LoadThenDrainAsync(load, counters, tracker, plan.DrainTimeout, cancellationToken));

        var submitted = counters.SubmitLatency.Count;
        var endToEnd = counters.EndToEnd.Summarize();
        return new RunResult
        {
            Target = targetName,
            Mode = "pipeline",
            Shape = (plan.Rate is { } r ? $"open loop at {r:0.#} jobs/s" : $"closed loop, {plan.Clients ?? plan.Connections} clients") +
                    $", {plan.Connections} connections, {plan.Duration.TotalSeconds:0.#} s after {plan.Warmup.TotalSeconds:0.#} s warm-up",
            ResultsVia = tracker.Name,
            Connections = plan.Connections,
            Rate = plan.Rate,
            Clients = plan.Rate is null ? plan.Clients ?? plan.Connections : null,
            MeasuredSeconds = window.MeasuredSeconds,
            Submitted = submitted,
            SubmittedPerSecond = submitted / window.MeasuredSeconds,
            Completed = counters.CompletedInWindow,
            CompletedPerSecond = counters.CompletedInWindow / window.MeasuredSeconds,
            SubmitLatency = counters.SubmitLatency.Summarize(),
            EndToEnd = endToEnd,
            Stages = counters.Stages.Summarize(),
            ProviderLatencyMs = providerLatencyMs,
            Overhead = providerLatencyMs is { } provider ? endToEnd?.Minus(provider) : null,
            Errors = counters.Errors.Snapshot(),
            InFlightAtWindowOpen = await inFlightAtOpen,
            MemoryBefore = memoryBefore,
            MemoryAfter = MemoryFigures.Now(),
            Runtime = await runtime,
        };
    }

    private static async Task<long> InFlightWhenOpenAsync(RunWindow window, LoadCounters counters)
    {
        await window.OpensAsync();
        return counters.InFlight;
    }

    private static async Task LoadThenDrainAsync(
        Task load, LoadCounters counters, IResultTracker tracker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await load;
        await Drain.WaitAsync(counters, tracker, timeout, cancellationToken);
    }

    private static void StartOpenLoopJob(JobFlow flow, JobBody body, LoadCounters counters, int maxInFlight, long dueAt)
    {
        if (counters.InFlight >= maxInFlight)
        {
            counters.Errors.Add("not sent: max in flight");
            return;
        }

        _ = RunOpenLoopJobAsync(flow, body, dueAt);
    }

    private static async Task RunOpenLoopJobAsync(JobFlow flow, JobBody body, long dueAt)
    {
        // Open-loop jobs overlap, so each needs its own content; the response buffer is pooled.
        var buffer = ArrayPool<byte>.Shared.Rent(JobSubmitter.BufferSize);
        Task? result;
        try
        {
            result = await flow.SubmitAsync(body.NewContent(), buffer, dueAt);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (result is not null)
        {
            await result;
        }
    }
}
