using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Results;
using LlmOrleans.Bench.Targets;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>The pipeline's load and measurement over two bare Kafka hops only (<see cref="KafkaBaseline"/>).</summary>
public static class KafkaBaselineScenario
{
    public static async Task<RunResult> RunAsync(
        IReadOnlyDictionary<string, string?> siloConfiguration, JobBody body, PipelinePlan plan, CancellationToken cancellationToken)
    {
        var counters = new LoadCounters();
        await using var baseline = await KafkaBaseline.StartAsync(siloConfiguration, counters.Errors);
        await using var tracker = KafkaResultTracker.Start(
            baseline.Settings.BootstrapServers, baseline.Settings.ResponseTopic, plan.Results.ReaderFetchWaitMs, counters.Errors);
        return await PipelineScenario.RunAsync(
            "kafka baseline", baseline.Submitter(body, counters.Errors), tracker, counters, body, plan, providerLatencyMs: 0, cancellationToken);
    }
}
