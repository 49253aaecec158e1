using LlmOrleans.Bench.Targets;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>
/// <c>serve-baseline</c>: only serves the bare Kestrel endpoint until Ctrl+C, so an external load generator
/// (wrk, see bench/wrk-submit.sh) can drive it and the gateway alike in one run.
/// </summary>
public sealed class ServeBaselineCommand : AsyncCommand<ServeBaselineSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeBaselineSettings settings, CancellationToken cancellationToken)
    {
        await using var baseline = await KestrelBaseline.StartAsync(settings.Port);
        Console.WriteLine($"bare Kestrel POST /process at {baseline.Address}; Ctrl+C stops it");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
