using System.Net;
using System.Net.Http.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Auth.Tests;

[Collection(SecuredPipelineCollection.Name)]
public sealed class AuthenticationTests(SecuredPipelineFixture pipeline)
{
    private static readonly object EchoJob = new { provider = "echo", model = "echo-small", prompt = "hello" };

    [Fact]
    public async Task NoKey_Is401_WithAChallengeAndAProblemNamingTheHeader()
    {
        using var http = pipeline.Client(null);

        using var submit = await http.PostAsJsonAsync("/process", EchoJob);
        using var read = await http.GetAsync($"/result/{Guid.NewGuid()}");

        await ProblemAssert.NamesFieldAsync(submit, HttpStatusCode.Unauthorized, "authorization");
        await ProblemAssert.NamesFieldAsync(read, HttpStatusCode.Unauthorized, "authorization");
        Assert.Equal("Bearer", submit.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("")]
    [InlineData("Bearer")]
    public async Task UnknownKey_Is401(string key)
    {
        using var http = pipeline.Client(null);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {key}");

        using var response = await http.PostAsJsonAsync("/process", EchoJob);

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.Unauthorized, "authorization");
    }

    [Fact]
    public async Task ExpiredKey_Is401()
    {
        using var http = pipeline.Client(TestKeys.Expired);

        using var response = await http.PostAsJsonAsync("/process", EchoJob);

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.Unauthorized, "authorization");
    }

    [Fact]
    public async Task XApiKeyHeader_WorksLikeBearer()
    {
        using var http = pipeline.Client(null);
        http.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Alice);

        var requestId = await http.SubmitAsync("echo", "echo-small", "via X-API-Key");
        var result = await http.WaitForFinishAsync(requestId);

        Assert.Equal("succeeded", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task KeyWithoutSubmitScope_Is403_ButMayRead()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        using var reader = pipeline.Client(TestKeys.ReadOnly);
        var requestId = await alice.SubmitAsync("echo", "echo-small", "for the reader");

        using var submit = await reader.PostAsJsonAsync("/process", EchoJob);
        var (status, _) = await reader.GetResultAsync(requestId);

        var problem = await ProblemAssert.NamesFieldAsync(submit, HttpStatusCode.Forbidden, "scopes");
        Assert.Contains("jobs:submit", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task HealthAndMetrics_NeedNoKey()
    {
        using var http = pipeline.Client(null);

        using var live = await http.GetAsync("/health/live");
        using var metrics = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }
}
