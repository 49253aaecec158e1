using LlmOrleans.Local;

var options = new LocalPipelineOptions();
await using var pipeline = await LocalPipeline.StartAsync(options, args);

Console.WriteLine($$"""

    LlmOrleans is running on embedded infrastructure (in memory; nothing survives exit).
      Gateway (HTTP API)   {{options.GatewayUrl}}   POST /process, GET /result/{request_id}
      Silo health          {{options.SiloUrl}}/health/ready
      Orleans dashboard    {{options.SiloUrl}}/dashboard
      Kafka (mock broker)  {{pipeline.BootstrapServers}}
      Redis (Garnet)       {{pipeline.Settings["REDIS_HOST"]}}:{{pipeline.Settings["REDIS_PORT"]}}
    Try: curl -s -XPOST {{options.GatewayUrl}}/process -H 'Content-Type: application/json' -d '{"provider":"echo","model":"echo","prompt":"Hello world"}'
    Ctrl+C stops everything.

    """);

await pipeline.WaitForShutdownAsync();
