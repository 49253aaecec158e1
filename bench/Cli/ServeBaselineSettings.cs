using System.ComponentModel;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>Options of <c>serve-baseline</c>.</summary>
public sealed class ServeBaselineSettings : CommandSettings
{
    [CommandOption("--port <PORT>")]
    [Description("Port on 127.0.0.1 to serve the bare Kestrel POST /process on")]
    [DefaultValue(8090)]
    public int Port { get; init; } = 8090;
}
