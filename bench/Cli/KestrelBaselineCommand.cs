using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Scenarios;
using LlmOrleans.Bench.Targets;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary><c>kestrel-baseline</c>: the submit load against bare Kestrel only, the ceiling of this machine.</summary>
public sealed class KestrelBaselineCommand : AsyncCommand<BaselineSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BaselineSettings settings, CancellationToken cancellationToken)
    {
        await using var baseline = await KestrelBaseline.StartAsync();
        var run = await SubmitScenario.RunAsync("kestrel baseline", baseline.Address, settings.Body(), settings.Plan(), cancellationToken);
        var report = new BenchReport
        {
            Command = "kestrel-baseline",
            Target = $"bare Kestrel minimal-API JSON POST at {baseline.Address}, in this process",
            Runs = [run],
        };
        return await ReportOutput.PublishAsync(report, settings.Json);
    }
}
