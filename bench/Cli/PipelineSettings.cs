using System.ComponentModel;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

public sealed class PipelineSettings : ResultSettings
{
    [CommandOption("-d|--duration <SECONDS>")]
    [Description("Measured window")]
    [DefaultValue(10.0)]
    public double DurationSeconds { get; init; } = 10.0;

    [CommandOption("--warmup <SECONDS>")]
    [Description("Load before the measured window, excluded from the figures")]
    [DefaultValue(2.0)]
    public double WarmupSeconds { get; init; } = 2.0;

    [CommandOption("-r|--rate <JOBS_PER_S>")]
    [Description("Open loop: submit at this rate whatever the response times")]
    public double? Rate { get; init; }

    [CommandOption("--clients <N>")]
    [Description("Closed loop: N clients, each submitting its next job once its last result is visible (default when no --rate: --connections)")]
    public int? Clients { get; init; }

    [CommandOption("--max-in-flight <N>")]
    [Description("Open loop: jobs not yet completed above which a due job is not sent (counted as an error)")]
    [DefaultValue(50_000)]
    public int MaxInFlight { get; init; } = 50_000;

    [CommandOption("--drain-timeout <SECONDS>")]
    [Description("After the window: how long to wait for outstanding results before counting them incomplete")]
    [DefaultValue(30.0)]
    public double DrainTimeoutSeconds { get; init; } = 30.0;

    [CommandOption("--settle <SECONDS>")]
    [Description("After the run: wait this long with no load, then read memory and job grains again (0: don't)")]
    [DefaultValue(0.0)]
    public double SettleSeconds { get; init; }

    [CommandOption("--with-kafka-baseline")]
    [Description("With --embedded and --rate: after the run, stop the system and drive the same load over two bare Kafka hops on a fresh mock broker with the silo's client settings")]
    public bool WithKafkaBaseline { get; init; }

    public PipelinePlan Plan() => new(
        Connections, TimeSpan.FromSeconds(WarmupSeconds), TimeSpan.FromSeconds(DurationSeconds), RequestTimeout,
        Rate, Clients, MaxInFlight, TimeSpan.FromSeconds(DrainTimeoutSeconds), ResultPlan());

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return !result.Successful ? result
            : DurationSeconds <= 0 || WarmupSeconds < 0 || SettleSeconds < 0
                ? ValidationResult.Error("--duration must be positive, --warmup and --settle not negative.")
            : Rate is not null && Clients is not null ? ValidationResult.Error("Give --rate (open loop) or --clients (closed loop), not both.")
            : Rate <= 0 || Clients < 1 ? ValidationResult.Error("--rate and --clients must be positive.")
            : WithKafkaBaseline && (!Embedded || Rate is null) ? ValidationResult.Error("--with-kafka-baseline needs --embedded and --rate.")
            : ValidationResult.Success();
    }
}
