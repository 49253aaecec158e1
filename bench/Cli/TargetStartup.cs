using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Targets;
using Spectre.Console;

namespace LlmOrleans.Bench.Cli;

/// <summary>Starts (or finds) the target and proves it runs a job before any load.</summary>
public static class TargetStartup
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);

    public static async Task<BenchTarget> StartAsync(TargetOptions options, JobBody body, CancellationToken cancellationToken)
    {
        AnsiConsole.WriteLine(options.Url is null ? "starting the system in this process…" : $"probing {options.Url}…");
        var target = await BenchTarget.StartAsync(options);
        try
        {
            var probe = await ReadinessProbe.WaitAsync(target.Gateway, body, ProbeTimeout, cancellationToken);
            AnsiConsole.WriteLine($"target: {target.Description}; first job done in {probe.TotalMilliseconds:0} ms");
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    /// <summary>What a reader of the figures must know about where they were taken.</summary>
    public static IReadOnlyList<string> Notes(BenchTarget target) => target.Embedded
        ?
        [
            "--embedded: silo, gateway, mock Kafka broker and Redis store run in this process beside the load generator, " +
            "so memory (and CPU) figures are the whole system's.",
        ]
        : ["--url: memory and CPU figures are this load generator's, not the system's."];
}
