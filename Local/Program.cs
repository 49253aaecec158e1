using LlmOrleans.Local;

var options = new LocalPipelineOptions { InfrastructureOnly = args.Contains("--infrastructure-only") };
await using var pipeline = await LocalPipeline.StartAsync(options, args.Where(a => a != "--infrastructure-only").ToArray());

var redis = $"{pipeline.Settings["REDIS_HOST"]}:{pipeline.Settings["REDIS_PORT"]}";
Console.WriteLine(options.InfrastructureOnly
    ? $$"""

    Embedded infrastructure is running (in memory; nothing survives exit). Ctrl+C stops it.
      Kafka (mock broker)  {{pipeline.BootstrapServers}}
      Redis (Garnet)       {{redis}}
    Point silos and gateways at it:
      export KAFKA_BOOTSTRAP_SERVERS={{pipeline.BootstrapServers}} REDIS_HOST={{pipeline.Settings["REDIS_HOST"]}} REDIS_PORT={{pipeline.Settings["REDIS_PORT"]}} KAFKA_SESSION_TIMEOUT_MS=6000

    """
    : $$"""

    LlmOrleans is running on embedded infrastructure (in memory; nothing survives exit).
      Gateway (HTTP API)   {{options.GatewayUrl}}   POST /process, GET /result/{request_id}
      Jobs page            {{options.GatewayUrl}}/ui
      Silo health          {{options.SiloUrl}}/health/ready
      Metrics (Prometheus) {{options.GatewayUrl}}/metrics, {{options.SiloUrl}}/metrics
      Orleans dashboard    {{options.SiloUrl}}/dashboard
      Kafka (mock broker)  {{pipeline.BootstrapServers}}
      Redis (Garnet)       {{redis}}
      Authentication       {{(pipeline.Settings["AUTH_MODE"] == "none" ? "OFF (AUTH_MODE=none): anyone who can reach these ports can use them" : "API keys required (AUTH_MODE=" + pipeline.Settings["AUTH_MODE"] + ")")}}
    Try: curl -s -XPOST {{options.GatewayUrl}}/process -H 'Content-Type: application/json' -d '{"provider":"echo","model":"echo","prompt":"Hello world"}'
    Ctrl+C stops everything.

    """);

await pipeline.WaitForShutdownAsync();
