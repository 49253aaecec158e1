using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Targets;
using Spectre.Console;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>Waits with no load after a run, then reads memory and job-grain activations again (target 5: idle cost).</summary>
public static class Settle
{
    public static async Task<SettledFigures> MeasureAsync(BenchTarget target, TimeSpan wait, CancellationToken cancellationToken)
    {
        var atEnd = await target.JobGrainActivationsAsync();
        await AnsiConsole.Status().StartAsync($"settling for {wait.TotalSeconds:0} s with no load…", _ => Task.Delay(wait, cancellationToken));
        return new SettledFigures(wait.TotalSeconds, MemoryFigures.Now(), atEnd, await target.JobGrainActivationsAsync());
    }
}
