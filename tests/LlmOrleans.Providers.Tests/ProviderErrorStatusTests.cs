using LlmOrleans.Testing;
namespace LlmOrleans.Providers.Tests;

public sealed class ProviderErrorStatusTests : FakeGroqTestBase
{
    [Fact]
    public async Task GetResponse_When429WithRetryAfterSeconds_ThrowsTransientWithRetryAfter()
    {
        Server.Enqueue(FakeReply.Error(429, FakeReply.ErrorBody("Rate limit reached", "tokens", "rate_limit_exceeded"), ("Retry-After", "2")));

        var error = await FailAsync();

        Assert.True(error.IsTransient);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Equal("Rate limit reached", error.Message);
    }

    [Fact]
    public async Task GetResponse_When429WithRetryAfterMs_PrefersMilliseconds()
    {
        Server.Enqueue(FakeReply.Error(429, FakeReply.ErrorBody("slow down", "requests"), ("retry-after-ms", "1500"), ("Retry-After", "2")));

        var error = await FailAsync();

        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
    }

    [Fact]
    public async Task GetResponse_When503WithRetryAfterDate_ThrowsTransientWithDelayUntilThatDate()
    {
        var retryAt = Time.GetUtcNow().AddSeconds(7).ToString("r");
        Server.Enqueue(FakeReply.Error(503, FakeReply.ErrorBody("overloaded", "server_error"), ("Retry-After", retryAt)));

        var error = await FailAsync();

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task GetResponse_When429InsufficientQuota_ThrowsPermanent()
    {
        Server.Enqueue(FakeReply.Error(429, FakeReply.ErrorBody("You exceeded your current quota", "insufficient_quota", "insufficient_quota")));

        var error = await FailAsync();

        Assert.False(error.IsTransient);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("You exceeded your current quota", error.Message);
    }

    [Fact]
    public async Task GetResponse_When500_ThrowsTransientWithoutRetryingItself()
    {
        Server.Enqueue(FakeReply.Error(500, FakeReply.ErrorBody("Internal error", "server_error")), FakeReply.Success("recovered"));

        var error = await FailAsync();
        Assert.True(error.IsTransient);
        Assert.Equal(500, error.StatusCode);
        Assert.Single(Server.Requests);

        var response = await AskAsync("again");
        Assert.Equal("recovered", response.Text);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(409, true)]
    [InlineData(498, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(413, false)]
    [InlineData(422, false)]
    public async Task GetResponse_WhenStatusIsError_ClassifiesTransience(int status, bool transient)
    {
        Server.Enqueue(FakeReply.Error(status, FakeReply.ErrorBody($"status {status}", "error")));

        var error = await FailAsync();

        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task GetResponse_WhenModelNotFound_ThrowsPermanentWithProvidersMessage()
    {
        const string message = "The model `foo` does not exist or you do not have access to it.";
        Server.Enqueue(FakeReply.Error(404, FakeReply.ErrorBody(message, "invalid_request_error", "model_not_found")));

        var error = await FailAsync();

        Assert.False(error.IsTransient);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task GetResponse_WhenErrorBodyIsNotJson_ThrowsWithStatusAndProvider()
    {
        Server.Enqueue(new FakeReply.Raw(503, "<html>Service Unavailable</html>", "text/html", new Dictionary<string, string>()));

        var error = await FailAsync();

        Assert.True(error.IsTransient);
        Assert.Equal("HTTP 503 from groq", error.Message);
    }

    [Fact]
    public async Task GetResponse_WhenErrorEchoesApiKey_MessageContainsNoKey()
    {
        Server.Enqueue(FakeReply.Error(401, FakeReply.ErrorBody(
            $"Invalid API Key {ApiKey} (header was 'Bearer {ApiKey}', also tried Bearer other-token)", "invalid_request_error", "invalid_api_key")));

        var error = await FailAsync();

        Assert.False(error.IsTransient);
        Assert.DoesNotContain(ApiKey, error.ToString());
        Assert.DoesNotContain("other-token", error.Message);
        Assert.Contains("***", error.Message);
    }

}
