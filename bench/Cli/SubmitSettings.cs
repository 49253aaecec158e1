using System.ComponentModel;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

public sealed class SubmitSettings : TargetSettings
{
    [CommandOption("-d|--duration <SECONDS>")]
    [Description("Measured window")]
    [DefaultValue(10.0)]
    public double DurationSeconds { get; init; } = 10.0;

    [CommandOption("--warmup <SECONDS>")]
    [Description("Load before the measured window, excluded from the figures")]
    [DefaultValue(2.0)]
    public double WarmupSeconds { get; init; } = 2.0;

    [CommandOption("--with-baseline")]
    [Description("Then drive a bare Kestrel JSON endpoint in this process the same way, and report gateway/baseline")]
    public bool WithBaseline { get; init; }

    public SubmitPlan Plan() =>
        new(Connections, TimeSpan.FromSeconds(WarmupSeconds), TimeSpan.FromSeconds(DurationSeconds), RequestTimeout);

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return !result.Successful ? result
            : DurationSeconds <= 0 || WarmupSeconds < 0 ? ValidationResult.Error("--duration must be positive and --warmup not negative.")
            : ValidationResult.Success();
    }
}
