using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary><c>burst</c>: K jobs at once, then the time until the last result is visible.</summary>
public sealed class BurstCommand : AsyncCommand<BurstSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BurstSettings settings, CancellationToken cancellationToken)
    {
        var body = settings.Body();
        await using var target = await TargetStartup.StartAsync(settings.Target(), body, cancellationToken);
        var run = await BurstScenario.RunAsync(target, body, settings.Plan(), cancellationToken);
        var report = new BenchReport { Command = "burst", Target = target.Description, Runs = [run], Notes = TargetStartup.Notes(target) };
        return await ReportOutput.PublishAsync(report, settings.Json);
    }
}
