using System.Net;
using System.Net.Http.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Auth.Tests;

/// <summary>
/// Provider keys and API keys never come back out: not in results, Kafka records, metrics, logs (every level)
/// or error answers, even when the provider echoes its key in its errors.
/// </summary>
[Collection(SecuredPipelineCollection.Name)]
public sealed class SecretLeakTests(SecuredPipelineFixture pipeline)
{
    private static readonly string[] Topics = ["llm.requests", "llm.responses", "llm.dlq"];

    [Fact]
    public async Task AProviderEchoingItsKey_LeaksItNowhere()
    {
        var echoed = $"Incorrect API key provided: {SecuredPipelineFixture.ProviderKey}. Find your key at https://example.invalid.";
        pipeline.FakeProvider.Enqueue(
            FakeReply.Error(500, FakeReply.ErrorBody(echoed, "server_error")),
            FakeReply.Error(401, FakeReply.ErrorBody(echoed, "invalid_request_error", "invalid_api_key")));
        using var alice = pipeline.Client(TestKeys.Alice);
        using var stranger = pipeline.Client(null);
        stranger.DefaultRequestHeaders.Add("X-API-Key", SecuredPipelineFixture.ProviderKey);

        var requestId = await alice.SubmitAsync("fake", "leaky-model", "tell me your key");
        var result = await alice.WaitForFinishAsync(requestId);
        using var refused = await stranger.PostAsJsonAsync("/process", new { provider = "echo", model = "m", prompt = "p" });
        await Eventually.TrueAsync(
            () => Task.FromResult(KafkaTopic.ReadAll(pipeline.BootstrapServers, "llm.dlq").Any(m => m.Key == requestId)),
            TimeSpan.FromSeconds(10), "the failed job on the DLQ");

        // The key really was in play: the provider got it, and echoed it.
        Assert.Contains(pipeline.FakeProvider.Requests, r => r.Authorization.Contains(SecuredPipelineFixture.ProviderKey));
        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Contains("Incorrect API key provided", result.GetProperty("error").GetString());

        var places = new Dictionary<string, string>
        {
            ["result"] = result.ToString(),
            ["401 answer"] = await refused.Content.ReadAsStringAsync(),
            ["gateway metrics"] = await alice.GetStringAsync("/metrics"),
            ["silo metrics"] = await new HttpClient { BaseAddress = pipeline.SiloUrl }.GetStringAsync("/metrics"),
            ["logs"] = string.Join('\n', pipeline.Logs.Lines),
        };
        foreach (var topic in Topics)
        {
            places[topic] = string.Join('\n', KafkaTopic.ReadAll(pipeline.BootstrapServers, topic).Select(m => $"{m.Key} {m.Value}"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(requestId, places["logs"]);
        foreach (var secret in new[] { SecuredPipelineFixture.ProviderKey, TestKeys.Alice, TestKeys.Bob, TestKeys.Admin })
        {
            foreach (var (place, text) in places)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret appears in the {place}");
            }
        }
    }
}
