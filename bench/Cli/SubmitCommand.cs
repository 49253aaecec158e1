using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Scenarios;
using LlmOrleans.Bench.Targets;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary><c>submit</c>: closed-loop POST /process throughput and latency, optionally against bare Kestrel too.</summary>
public sealed class SubmitCommand : AsyncCommand<SubmitSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SubmitSettings settings, CancellationToken cancellationToken)
    {
        var body = settings.Body();
        var target = await TargetStartup.StartAsync(settings.Target(), body, cancellationToken);
        var description = target.Description;
        var notes = TargetStartup.Notes(target).ToList();
        List<RunResult> runs;
        try
        {
            runs = [await SubmitScenario.RunAsync("gateway", target.Gateway, body, settings.Plan(), cancellationToken)];
        }
        finally
        {
            // An embedded system is stopped first, so it takes no CPU from the baseline.
            await target.DisposeAsync();
        }

        double? ratio = null;
        if (settings.WithBaseline)
        {
            await using var baseline = await KestrelBaseline.StartAsync();
            runs.Add(await SubmitScenario.RunAsync("kestrel baseline", baseline.Address, body, settings.Plan(), cancellationToken));
            ratio = runs[1].SubmittedPerSecond > 0 ? runs[0].SubmittedPerSecond / runs[1].SubmittedPerSecond : null;
            notes.Add("kestrel baseline: bare minimal-API JSON POST in this process, driven by the same load generator.");
        }

        var report = new BenchReport { Command = "submit", Target = description, Runs = runs, GatewayToBaselineRatio = ratio, Notes = notes };
        return await ReportOutput.PublishAsync(report, settings.Json);
    }
}
