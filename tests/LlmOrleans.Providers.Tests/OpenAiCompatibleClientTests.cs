using LlmOrleans.Testing;
using System.Diagnostics;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;

namespace LlmOrleans.Providers.Tests;

public sealed class OpenAiCompatibleClientTests : FakeGroqTestBase
{
    [Fact]
    public async Task GetResponse_WhenProviderAnswers_ReturnsContentAndUsageForTheJobsModelWithBearerKey()
    {
        Server.Enqueue(FakeReply.Success("Hello there", promptTokens: 7, completionTokens: 2));

        var response = await AskAsync("Say hello");

        Assert.Equal("Hello there", response.Text);
        Assert.Equal(7, response.Usage?.InputTokenCount);
        Assert.Equal(2, response.Usage?.OutputTokenCount);
        var request = Assert.Single(Server.Requests);
        Assert.Equal(Model, request.Model);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Contains("Say hello", request.Body);
    }

    [Fact]
    public async Task GetResponse_WithDifferentModels_SendsEachCallsModel()
    {
        Server.Enqueue(FakeReply.Success("a"), FakeReply.Success("b"));

        await AskAsync("one", "model-a");
        await AskAsync("two", "model-b");

        Assert.Equal(["model-a", "model-b"], Server.Requests.Select(request => request.Model));
    }

    [Fact]
    public async Task GetResponse_WhenReplyOutlastsCallersToken_PropagatesCallersCancellation()
    {
        Server.Enqueue(new FakeReply.Delayed(TimeSpan.FromSeconds(30), FakeReply.Success("too late")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AskAsync("slow", cancellationToken: timeout.Token).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(timeout.IsCancellationRequested);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("""{"id":"chatcmpl-fake","choices":[{"mess""")]
    [InlineData("<html>gateway says hi</html>")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"choices":[{}]}""")]
    [InlineData("""{"created":"yesterday","choices":[]}""")]
    public async Task GetResponse_WhenSuccessBodyIsMalformed_ThrowsTransient(string body)
    {
        Server.Enqueue(FakeReply.Malformed(body));

        var error = await FailAsync();

        Assert.True(error.IsTransient);
        Assert.Equal("Malformed response from provider 'groq'.", error.Message);
    }

    [Fact]
    public async Task GetResponse_WhenConnectionIsAborted_ThrowsTransient()
    {
        Server.Enqueue(new FakeReply.Abort());

        var error = await FailAsync();

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.StartsWith("Connection to provider 'groq' failed", error.Message);
    }

    [Fact]
    public async Task GetResponse_WithoutModel_ThrowsPermanentWithoutCallingProvider()
    {
        var error = await Assert.ThrowsAsync<LlmProviderException>(
            () => Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions()));

        Assert.False(error.IsTransient);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponse_WhenProviderFails_ThrowsTranslatedError()
    {
        Server.Enqueue(FakeReply.Error(503, FakeReply.ErrorBody("busy", "server_error")));

        var error = await Assert.ThrowsAsync<LlmProviderException>(async () =>
        {
            await foreach (var _ in Client.GetStreamingResponseAsync("stream", new ChatOptions { ModelId = Model }))
            {
            }
        });

        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("busy", error.Message);
    }
}
