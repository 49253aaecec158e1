using LlmOrleans.Testing;

namespace LlmOrleans.Observability.Tests;

[Collection(ObservedPipelineCollection.Name)]
public sealed class MetricsEndpointTests(ObservedPipelineFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MetricsEndpoints_InOneProcess_EachExposeOnlyTheirOwnHostsMeasurements()
    {
        var id = await fixture.Gateway.SubmitAsync("echo", "own-metrics-model", "whose metric is this");
        await fixture.Gateway.WaitForFinishAsync(id);

        var silo = await Eventually.UntilAsync(
            () => fixture.Silo.GetStringAsync("/metrics"),
            text => PrometheusText.Sum(text, "llmorleans_jobs_succeeded_total", ("model", "own-metrics-model")) >= 1,
            Timeout,
            "the silo to count the succeeded job");
        var gateway = await fixture.Gateway.GetStringAsync("/metrics");

        // Gateway and silo share this process, and the meters of both are named alike: each host's /metrics must
        // still be that host's, as it is when each runs in its own process.
        Assert.Null(PrometheusText.Sum(gateway, "llmorleans_jobs_succeeded_total"));
        Assert.Null(PrometheusText.Sum(gateway, "llmorleans_kafka_produce_duration_seconds_count", ("topic", "llm.responses")));
        Assert.Null(PrometheusText.Sum(silo, "llmorleans_jobs_accepted_total"));
        Assert.Null(PrometheusText.Sum(silo, "llmorleans_kafka_produce_duration_seconds_count", ("topic", "llm.requests")));
        Assert.Null(PrometheusText.Sum(silo, "http_server_request_duration_seconds_count", ("http_route", "/process")));
    }

    [Fact]
    public async Task MetricsEndpoints_AfterEchoJobs_ExposeTheJobCountersOfGatewayAndSilo()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(i => fixture.Gateway.SubmitAsync("echo", "metrics-model", $"count me please {i}")));
        foreach (var id in ids)
        {
            await fixture.Gateway.WaitForFinishAsync(id);
        }

        var gateway = await Eventually.UntilAsync(
            () => fixture.Gateway.GetStringAsync("/metrics"),
            text => PrometheusText.Sum(text, "llmorleans_jobs_accepted_total", ("provider", "echo")) >= 3,
            Timeout,
            "the gateway to count the accepted jobs");
        Assert.True(PrometheusText.Sum(gateway, "llmorleans_kafka_produce_duration_seconds_count", ("topic", "llm.requests")) >= 3);
        Assert.NotNull(PrometheusText.Sum(gateway, "http_server_request_duration_seconds_count"));

        var silo = await Eventually.UntilAsync(
            () => fixture.Silo.GetStringAsync("/metrics"),
            text => PrometheusText.Sum(text, "llmorleans_jobs_succeeded_total", ("model", "metrics-model")) >= 3,
            Timeout,
            "the silo to count the succeeded jobs");
        Assert.True(PrometheusText.Sum(silo, "llmorleans_provider_duration_seconds_count", ("model", "metrics-model"), ("outcome", "success")) >= 3);
        Assert.True(PrometheusText.Sum(silo, "llmorleans_provider_tokens_total", ("model", "metrics-model"), ("type", "input")) >= 9);
        Assert.True(PrometheusText.Sum(silo, "llmorleans_provider_tokens_total", ("model", "metrics-model"), ("type", "output")) >= 9);
        Assert.True(PrometheusText.Sum(silo, "llmorleans_storage_write_duration_seconds_count", ("outcome", "ok")) >= 6);
        Assert.True(PrometheusText.Sum(silo, "llmorleans_kafka_produce_duration_seconds_count", ("topic", "llm.responses")) >= 3);
        Assert.NotNull(PrometheusText.Sum(silo, "llmorleans_jobs_in_flight"));
        Assert.NotNull(PrometheusText.Sum(silo, "orleans_grains"));

        // Lag is recomputed about once a second and only for partitions whose position is known.
        await Eventually.UntilAsync(
            () => fixture.Silo.GetStringAsync("/metrics"),
            text => PrometheusText.Sum(text, "llmorleans_kafka_consumer_lag", ("topic", "llm.requests")) is not null,
            Timeout,
            "the silo to report consumer lag");
    }
}
