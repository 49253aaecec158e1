using System.ComponentModel;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>The options of the tool itself, without a command.</summary>
public sealed class SmokeSettings : CommandSettings
{
    [CommandOption("--smoke")]
    [Description("CI smoke test: embedded system, bursts of 50 (llm.responses) and 20 (polling) jobs, 1 s of submits on 4 connections; exit 0 only if every job completed without error")]
    public bool Smoke { get; init; }

    [CommandOption("--redis <HOST:PORT>")]
    [Description("With --smoke: use this redis-server instead of embedded Garnet")]
    public string? Redis { get; init; }

    [CommandOption("--json <PATH>")]
    [Description("With --smoke: also write every figure to this JSON file")]
    public string? Json { get; init; }
}
