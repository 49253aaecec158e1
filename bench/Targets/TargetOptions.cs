namespace LlmOrleans.Bench.Targets;

/// <summary>What system to drive: a running gateway, or one started in this process.</summary>
public sealed record TargetOptions
{
    /// <summary>A running gateway; null to start the system here.</summary>
    public Uri? Url { get; init; }

    /// <summary>An external Redis (host, port) for the embedded system; null for embedded Garnet.</summary>
    public (string Host, int Port)? Redis { get; init; }

    /// <summary>Kafka bootstrap servers of a running system (for reading llm.responses).</summary>
    public string? Kafka { get; init; }

    /// <summary>ECHO_LATENCY_MS: set on the embedded system, or what the running one uses (null: unknown).</summary>
    public int? EchoLatencyMs { get; init; }

    /// <summary>More settings for the embedded hosts (KEY=VALUE, as environment variables).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Minimum log level of the embedded hosts.</summary>
    public string HostLogLevel { get; init; } = "Warning";
}
