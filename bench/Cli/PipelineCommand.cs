using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary><c>pipeline</c>: jobs end to end at a steady rate or with N waiting clients.</summary>
public sealed class PipelineCommand : AsyncCommand<PipelineSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineSettings settings, CancellationToken cancellationToken)
    {
        var body = settings.Body();
        await using var target = await TargetStartup.StartAsync(settings.Target(), body);
        var run = await PipelineScenario.RunAsync(target, body, settings.Plan());
        if (settings.SettleSeconds > 0)
        {
            run = run with { Settled = await Settle.MeasureAsync(target, TimeSpan.FromSeconds(settings.SettleSeconds)) };
        }

        var report = new BenchReport { Command = "pipeline", Target = target.Description, Runs = [run], Notes = TargetStartup.Notes(target) };
        return await ReportOutput.PublishAsync(report, settings.Json);
    }
}
