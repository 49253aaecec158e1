using System.Net;
using System.Text;
using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>Through real Kafka protocol and real Redis: what users of the pipeline rely on.</summary>
[Collection(PipelineCollection.Name)]
public sealed class PipelineTests(PipelineFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task TwoHundredJobsViaHttp_AllSucceedExactlyOnce()
    {
        var prompts = Enumerable.Range(0, 200).Select(i => $"job number {i}").ToList();
        var ids = await Task.WhenAll(prompts.Select(p => Http.SubmitAsync("echo", "bulk", p)));
        Assert.Equal(200, ids.Distinct().Count());

        var outputs = await Task.WhenAll(ids.Select(id => Http.WaitForFinishAsync(id, TimeSpan.FromSeconds(60))));

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal("succeeded", outputs[i].GetProperty("status").GetString());
            Assert.Equal(prompts[i], outputs[i].GetProperty("output").GetString());
            Assert.Equal(1, outputs[i].GetProperty("attempts").GetInt32());
        }

        var wanted = ids.ToHashSet();
        var published = await Eventually.UntilAsync(
            () => Task.FromResult(ResponsesFor(wanted)),
            r => r.Count >= 200,
            TimeSpan.FromSeconds(30),
            "all 200 results on llm.responses");
        Assert.Equal(200, published.Count);
        Assert.Equal(wanted, published.Select(r => r.RequestId).ToHashSet());
        Assert.All(published, r => Assert.Equal("succeeded", r.Status));
    }

    [Fact]
    public async Task JobProducedStraightToTheTopic_IsProcessedLikeOneFromTheGateway()
    {
        var requestId = Guid.NewGuid().ToString();
        var job = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schema"] = 1,
            ["request_id"] = requestId,
            ["provider"] = "echo",
            ["model"] = "direct",
            ["prompt"] = "produced without the gateway",
        });

        await KafkaTopic.ProduceAsync(fixture.BootstrapServers, "llm.requests", requestId, job);

        var body = await Eventually.UntilAsync(
            () => Http.GetResultAsync(requestId),
            r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("status").GetString() == "succeeded",
            TimeSpan.FromSeconds(30),
            "the directly produced job to succeed");
        Assert.Equal("produced without the gateway", body.Body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task PoisonMessage_GoesToTheDlqWithItsPayload_AndConsumptionGoesOn()
    {
        var poisonKey = Guid.NewGuid().ToString();
        var afterId = Guid.NewGuid().ToString();
        await KafkaTopic.ProduceAsync(fixture.BootstrapServers, "llm.requests", poisonKey, Encoding.UTF8.GetBytes("{not json at all"), partition: 0);
        await KafkaTopic.ProduceAsync(fixture.BootstrapServers, "llm.requests", afterId, EchoJob(afterId, "after the poison"), partition: 0);

        var deadLetter = await Eventually.UntilAsync(
            () => Task.FromResult(DeadLettersFor(poisonKey)),
            d => d.Count > 0,
            TimeSpan.FromSeconds(30),
            "the poison message on llm.dlq");
        Assert.Equal("invalid_message", deadLetter[0].GetProperty("reason").GetString());
        Assert.Contains("JSON", deadLetter[0].GetProperty("error").GetString());
        Assert.Equal("{not json at all",
            Encoding.UTF8.GetString(Convert.FromBase64String(deadLetter[0].GetProperty("raw_payload_base64").GetString()!)));

        var after = await Http.WaitForFinishAsync(afterId);
        Assert.Equal("succeeded", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MessageOverMaxPromptBytes_GoesToTheDlq_AndThePartitionDoesNotStall()
    {
        var bigId = Guid.NewGuid().ToString();
        var afterId = Guid.NewGuid().ToString();
        await KafkaTopic.ProduceAsync(fixture.BootstrapServers, "llm.requests", bigId, EchoJob(bigId, new string('y', 1024 * 1024 + 10)), partition: 1);
        await KafkaTopic.ProduceAsync(fixture.BootstrapServers, "llm.requests", afterId, EchoJob(afterId, "after the big one"), partition: 1);

        var deadLetter = await Eventually.UntilAsync(
            () => Task.FromResult(DeadLettersFor(bigId)),
            d => d.Count > 0,
            TimeSpan.FromSeconds(30),
            "the oversized message on llm.dlq");
        Assert.Contains("MAX_PROMPT_BYTES", deadLetter[0].GetProperty("error").GetString());
        Assert.True(deadLetter[0].GetProperty("raw_payload_truncated").GetBoolean());

        var after = await Http.WaitForFinishAsync(afterId);
        Assert.Equal("succeeded", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FinishedResult_IsReadableThenDisappearsAfterTheResultTtl()
    {
        var requestId = await Http.SubmitAsync("echo", "ttl", "short-lived");
        var finished = await Http.WaitForFinishAsync(requestId);
        var completedAt = finished.GetProperty("completed_at").GetDateTimeOffset();

        await Eventually.UntilAsync(
            () => Http.GetResultAsync(requestId),
            r => r.Status == HttpStatusCode.NotFound,
            PipelineFixture.ResultTtl + TimeSpan.FromSeconds(10),
            "the result to expire");

        Assert.True(DateTimeOffset.UtcNow - completedAt >= PipelineFixture.ResultTtl - TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task JobRunningLongerThanTheResultTtl_NeverExpiresWhileItRuns()
    {
        var slow = PipelineFixture.ResultTtl * 2.5;
        fixture.FakeProvider.Enqueue(new FakeReply.Delayed(slow, FakeReply.Success("worth the wait")));
        var requestId = await Http.SubmitAsync("fake", "slow-model", "take your time");

        var body = await Http.WaitForFinishAsync(requestId, slow + TimeSpan.FromSeconds(20));

        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal("worth the wait", body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task ProviderErrorThenSuccess_IsRetriedAndSucceeds()
    {
        fixture.FakeProvider.Enqueue(
            FakeReply.Error(503, FakeReply.ErrorBody("overloaded", "server_error")),
            FakeReply.Success("second time lucky"));
        var requestId = await Http.SubmitAsync("fake", "flaky-model", "try again");

        var body = await Http.WaitForFinishAsync(requestId);

        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal("second time lucky", body.GetProperty("output").GetString());
        Assert.Equal(2, body.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task FailedJob_IsPublishedToResponsesAndToTheDlqWithTheOriginalJob()
    {
        fixture.FakeProvider.Enqueue(FakeReply.Error(404, FakeReply.ErrorBody("The model `ghost` does not exist", "invalid_request_error", "model_not_found")));
        var requestId = await Http.SubmitAsync("fake", "ghost", "anyone there?");

        var body = await Http.WaitForFinishAsync(requestId);
        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Equal("The model `ghost` does not exist", body.GetProperty("error").GetString());
        Assert.Equal(1, body.GetProperty("attempts").GetInt32());

        var deadLetter = await Eventually.UntilAsync(
            () => Task.FromResult(DeadLettersFor(requestId)),
            d => d.Count > 0,
            TimeSpan.FromSeconds(30),
            "the failed job on llm.dlq");
        Assert.Equal("job_failed", deadLetter[0].GetProperty("reason").GetString());
        Assert.Equal("anyone there?", deadLetter[0].GetProperty("job").GetProperty("prompt").GetString());
        var response = Assert.Single(ResponsesFor(new HashSet<string> { requestId }));
        Assert.Equal("failed", response.Status);
    }

    private static byte[] EchoJob(string requestId, string prompt) => JsonSerializer.SerializeToUtf8Bytes(
        new Dictionary<string, object> { ["request_id"] = requestId, ["provider"] = "echo", ["model"] = "m", ["prompt"] = prompt });

    private List<(string RequestId, string Status)> ResponsesFor(IReadOnlySet<string> ids) =>
        KafkaTopic.ReadAll(fixture.BootstrapServers, "llm.responses")
            .Where(m => m.Key is not null && ids.Contains(m.Key))
            .Select(m => JsonDocument.Parse(m.Value).RootElement)
            .Select(e => (e.GetProperty("request_id").GetString()!, e.GetProperty("status").GetString()!))
            .ToList();

    private List<JsonElement> DeadLettersFor(string requestId) =>
        KafkaTopic.ReadAll(fixture.BootstrapServers, "llm.dlq")
            .Select(m => JsonDocument.Parse(m.Value).RootElement.Clone())
            .Where(e => e.GetProperty("request_id").GetString() == requestId)
            .ToList();
}
