using LlmOrleans.Bench.Report;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>
/// The default command: <c>--smoke</c> runs a tiny version of every load against the embedded system (and the Kafka
/// baseline) and fails unless each job completed, was timed by stage and nothing erred. Without <c>--smoke</c> it points at the commands.
/// </summary>
public sealed class SmokeCommand : AsyncCommand<SmokeSettings>
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(30);

    public override async Task<int> ExecuteAsync(CommandContext context, SmokeSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Smoke)
        {
            AnsiConsole.WriteLine("Choose a command (submit, pipeline, burst, kestrel-baseline) or --smoke; see --help.");
            return 1;
        }

        var targetSettings = new TargetSettings { Embedded = true, Redis = settings.Redis, Connections = 8 };
        var body = targetSettings.Body();
        await using var target = await TargetStartup.StartAsync(targetSettings.Target(), body, cancellationToken);
        var viaKafka = new ResultPlan("kafka", TimeSpan.FromMilliseconds(10), "llm.responses", ReaderFetchWaitMs: 5);
        RunResult[] runs =
        [
            await BurstScenario.RunAsync(target, body, new BurstPlan(8, 50, RequestTimeout, ResultTimeout, viaKafka), cancellationToken),
            await BurstScenario.RunAsync(target, body, new BurstPlan(4, 20, RequestTimeout, ResultTimeout, viaKafka with { Via = "poll" }), cancellationToken),
            await BurstScenario.RunAsync(target, body, new BurstPlan(4, 20, RequestTimeout, ResultTimeout, viaKafka with { Via = "longpoll" }), cancellationToken),
            await SubmitScenario.RunAsync("gateway", target.Gateway, body, new SubmitPlan(4, TimeSpan.Zero, TimeSpan.FromSeconds(1), RequestTimeout), cancellationToken),
            await KafkaBaselineScenario.RunAsync(
                target.SiloConfiguration()!, body,
                new PipelinePlan(8, TimeSpan.Zero, TimeSpan.FromSeconds(1), RequestTimeout, 50, null, 1000, ResultTimeout, viaKafka), cancellationToken),
        ];
        var report = new BenchReport { Command = "--smoke", Target = target.Description, Runs = runs, Notes = TargetStartup.Notes(target) };
        var exitCode = await ReportOutput.PublishAsync(report, settings.Json);
        // A timed run counts completions inside its window; every job it submitted there must still have been timed.
        var everyJobDone = runs.All(r => r.Submitted > 0 && (r.Mode == "pipeline" ? r.EndToEnd?.Count : r.Completed ?? r.Submitted) == r.Submitted);
        var everyJobSplit = runs.All(r => r.Completed is null || r.Stages?.ToStart.Count == r.EndToEnd?.Count);
        var passed = exitCode == 0 && everyJobDone && everyJobSplit;
        AnsiConsole.WriteLine(passed ? "smoke: passed" : everyJobSplit ? "smoke: FAILED (see errors above)" : "smoke: FAILED (a result without started_at or completed_at)");
        return passed ? 0 : 1;
    }
}
