using System.ComponentModel;
using LlmOrleans.Bench.Load;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>Options of every load: connections, the job sent, timeouts, JSON output.</summary>
public class LoadSettings : CommandSettings
{
    [CommandOption("-c|--connections <N>")]
    [Description("HTTP/1.1 connections (closed loop: concurrent senders)")]
    [DefaultValue(64)]
    public int Connections { get; init; } = 64;

    [CommandOption("--provider <NAME>")]
    [Description("Job provider")]
    [DefaultValue("echo")]
    public string Provider { get; init; } = "echo";

    [CommandOption("--model <NAME>")]
    [Description("Job model")]
    [DefaultValue("m")]
    public string Model { get; init; } = "m";

    [CommandOption("--prompt <TEXT>")]
    [Description("Job prompt (the echo provider returns it)")]
    [DefaultValue("Hello from LlmOrleans.Bench")]
    public string Prompt { get; init; } = "Hello from LlmOrleans.Bench";

    [CommandOption("--request-timeout <SECONDS>")]
    [Description("Per-request HTTP timeout; a request over it counts as a timeout error")]
    [DefaultValue(10.0)]
    public double RequestTimeoutSeconds { get; init; } = 10.0;

    [CommandOption("--json <PATH>")]
    [Description("Also write every figure to this JSON file")]
    public string? Json { get; init; }

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public JobBody Body() => new(Provider, Model, Prompt);

    public override ValidationResult Validate() =>
        Connections < 1 ? ValidationResult.Error("--connections must be at least 1.")
        : RequestTimeoutSeconds <= 0 ? ValidationResult.Error("--request-timeout must be positive.")
        : ValidationResult.Success();
}
