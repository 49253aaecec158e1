// Test classes here run one at a time. Hosts in one process share OpenTelemetry metric streams by instrument
// name: when a test disposes its own gateway host (GatewayWithoutSiloTests), the streams of the same-named
// instruments stop being exported by every other live host's /metrics too. Run apart, no two hosts overlap.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
