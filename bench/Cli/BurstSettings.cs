using System.ComponentModel;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

public sealed class BurstSettings : ResultSettings
{
    [CommandOption("-n|--jobs <K>")]
    [Description("Jobs to submit as fast as the connections allow")]
    [DefaultValue(1000)]
    public int Jobs { get; init; } = 1000;

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the last result after the last submit before counting the rest incomplete")]
    [DefaultValue(60.0)]
    public double TimeoutSeconds { get; init; } = 60.0;

    public BurstPlan Plan() => new(Connections, Jobs, RequestTimeout, TimeSpan.FromSeconds(TimeoutSeconds), ResultPlan());

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return !result.Successful ? result
            : Jobs < 1 || TimeoutSeconds <= 0 ? ValidationResult.Error("--jobs and --timeout must be positive.")
            : ValidationResult.Success();
    }
}
