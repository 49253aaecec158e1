using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace LlmOrleans.Local;

/// <summary>How to run the whole pipeline in one process.</summary>
public sealed class LocalPipelineOptions
{
    /// <summary>Where the gateway listens.</summary>
    public string GatewayUrl { get; set; } = "http://localhost:8000";

    /// <summary>Where the silo's health endpoints listen.</summary>
    public string SiloUrl { get; set; } = "http://localhost:8001";

    /// <summary>An existing Redis to use instead of the embedded Garnet server (host, port).</summary>
    public (string Host, int Port)? ExternalRedis { get; set; }

    /// <summary>Start only the embedded broker and store, for silos and gateways run as separate processes.</summary>
    public bool InfrastructureOnly { get; set; }

    /// <summary>
    /// Turns tracing on in both hosts with this further set-up, e.g. an in-memory exporter in tests. Both hosts'
    /// tracer providers see every span of the process, so an exporter added to both receives each span twice.
    /// </summary>
    public Action<TracerProviderBuilder>? ConfigureTracing { get; set; }

    /// <summary>Further logging set-up for both hosts, e.g. a provider that captures every line in tests.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Settings applied to both hosts on top of the environment (e.g. <c>RESULT_TTL</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];
}
