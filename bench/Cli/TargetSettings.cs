using System.ComponentModel;
using System.Globalization;
using LlmOrleans.Bench.Targets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>Which system to drive: <c>--url</c> of a running gateway, or <c>--embedded</c>.</summary>
public class TargetSettings : LoadSettings
{
    [CommandOption("--url <URL>")]
    [Description("A running gateway, e.g. http://localhost:8000")]
    public string? Url { get; init; }

    [CommandOption("--embedded")]
    [Description("Start the whole system in this process (LocalPipeline: mock Kafka broker, Garnet or --redis, silo, gateway)")]
    public bool Embedded { get; init; }

    [CommandOption("--redis <HOST:PORT>")]
    [Description("With --embedded: use this redis-server instead of embedded Garnet")]
    public string? Redis { get; init; }

    [CommandOption("--kafka <BOOTSTRAP>")]
    [Description("With --url: Kafka bootstrap servers, to read llm.responses")]
    public string? Kafka { get; init; }

    [CommandOption("--echo-latency-ms <MS>")]
    [Description("ECHO_LATENCY_MS of the embedded system (default 0); with --url, the target's value, to report end-to-end minus provider")]
    public int? EchoLatencyMs { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("With --embedded: a setting for the hosts, as an environment variable would give it (repeatable)")]
    public string[]? Set { get; init; }

    [CommandOption("--host-log-level <LEVEL>")]
    [Description("With --embedded: minimum log level of the hosts")]
    [DefaultValue("Warning")]
    public string HostLogLevel { get; init; } = "Warning";

    public TargetOptions Target() => new()
    {
        Url = Url is null ? null : new Uri(Url.EndsWith('/') ? Url : Url + "/"),
        Redis = Redis is null ? null : ParseHostPort(Redis),
        Kafka = Kafka,
        EchoLatencyMs = EchoLatencyMs,
        Settings = (Set ?? []).Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]),
        HostLogLevel = HostLogLevel,
    };

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Embedded == (Url is not null))
        {
            return ValidationResult.Error("Give exactly one of --url <URL> and --embedded.");
        }

        // "localhost:8000" parses as an absolute URI with the scheme "localhost": only http and https can be driven.
        if (Url is not null && !(Uri.TryCreate(Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            return ValidationResult.Error($"--url '{Url}' is not an http:// or https:// URL.");
        }

        if (Redis is not null && ParseHostPort(Redis) is null)
        {
            return ValidationResult.Error($"--redis '{Redis}' is not HOST:PORT.");
        }

        return (Set ?? []).FirstOrDefault(s => !s.Contains('=')) is { } bad
            ? ValidationResult.Error($"--set '{bad}' is not KEY=VALUE.")
            : ValidationResult.Success();
    }

    private static (string Host, int Port)? ParseHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (value[..colon], port)
            : null;
    }
}
