using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary><c>pipeline</c>: jobs end to end at a steady rate or with N waiting clients, optionally against bare Kafka too.</summary>
public sealed class PipelineCommand : AsyncCommand<PipelineSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineSettings settings, CancellationToken cancellationToken)
    {
        var body = settings.Body();
        var target = await TargetStartup.StartAsync(settings.Target(), body, cancellationToken);
        var description = target.Description;
        var notes = TargetStartup.Notes(target).ToList();
        var siloConfiguration = target.SiloConfiguration();
        List<RunResult> runs;
        try
        {
            var run = await PipelineScenario.RunAsync(target, body, settings.Plan(), cancellationToken);
            if (settings.SettleSeconds > 0)
            {
                run = run with { Settled = await Settle.MeasureAsync(target, TimeSpan.FromSeconds(settings.SettleSeconds), cancellationToken) };
            }

            runs = [run];
        }
        finally
        {
            // An embedded system is stopped first, so it takes no CPU from the baseline.
            await target.DisposeAsync();
        }

        LatencyExcess? overBaseline = null;
        if (settings.WithKafkaBaseline && siloConfiguration is not null)
        {
            var baseline = await KafkaBaselineScenario.RunAsync(siloConfiguration, body, settings.Plan(), cancellationToken);
            runs.Add(baseline);
            overBaseline = runs[0].EndToEnd is { } pipeline && baseline.EndToEnd is { } floor ? LatencyExcess.Between(pipeline, floor) : null;
            notes.Add("kafka baseline: the same open loop over two bare Kafka hops (a producer, a relay consumer that answers at once, " +
                      "the same reader) on a fresh mock broker with the silo's client settings; gateway, silo and Redis stopped.");
        }

        foreach (var behind in runs.Where(r => r.OpenedBehind))
        {
            notes.Add($"{behind.Target}: {behind.InFlightAtWindowOpen:N0} jobs were in flight when the measured window opened, more than a second of load beyond " +
                      "the provider's latency: the open loop was still catching up on the warm-up, so its latencies include that backlog; " +
                      "give a longer --warmup.");
        }

        var report = new BenchReport { Command = "pipeline", Target = description, Runs = runs, OverKafkaBaseline = overBaseline, Notes = notes };
        return await ReportOutput.PublishAsync(report, settings.Json);
    }
}
