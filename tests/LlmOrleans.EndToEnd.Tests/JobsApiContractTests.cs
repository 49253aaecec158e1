using System.Net;
using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.EndToEnd.Tests;

[Collection(PipelineCollection.Name)]
public sealed class JobsApiContractTests(PipelineFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Post_ValidJob_Returns202WithLocationAndRequestId()
    {
        using var response = await Http.PostRawAsync("""{"provider":"echo","model":"m","prompt":"Hello world"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var requestId = body.RootElement.GetProperty("request_id").GetString();
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal($"/result/{requestId}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Get_FromTheMomentPostReturns_SaysPendingUntilFinishedAndNeverNotFound()
    {
        var requestId = await Http.SubmitAsync("echo", "m", "Hello world");
        var statuses = new List<string>();
        JsonElement body;
        do
        {
            var (status, read) = await Http.GetResultAsync(requestId);
            Assert.Equal(HttpStatusCode.OK, status);
            body = read;
            statuses.Add(body.GetProperty("status").GetString()!);
        }
        while (statuses[^1] == "pending" && statuses.Count < 2000);

        Assert.Equal("succeeded", statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Equal("pending", s));
    }

    [Fact]
    public async Task Get_SucceededJob_CarriesOutputAttemptsAndTimestamps()
    {
        var requestId = await Http.SubmitAsync("echo", "echo-1", "Say this back");

        var body = await Http.WaitForFinishAsync(requestId);

        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal("Say this back", body.GetProperty("output").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("error").ValueKind);
        Assert.Equal("echo", body.GetProperty("provider").GetString());
        Assert.Equal("echo-1", body.GetProperty("model").GetString());
        Assert.Equal(1, body.GetProperty("attempts").GetInt32());
        Assert.True(body.GetProperty("completed_at").GetDateTimeOffset() >= body.GetProperty("created_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Get_JobOnProviderWithoutKey_FailsNamingTheVariable()
    {
        var requestId = await Http.SubmitAsync("groq", "openai/gpt-oss-120b", "Hello");

        var body = await Http.WaitForFinishAsync(requestId);

        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("output").ValueKind);
        Assert.Contains("GROQ_API_KEY", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("""{"model":"m","prompt":"p"}""", "provider")]
    [InlineData("""{"provider":"echo","prompt":"p"}""", "model")]
    [InlineData("""{"provider":"echo","model":"m"}""", "prompt")]
    [InlineData("""{"provider":"echo","model":"m","prompt":""}""", "prompt")]
    [InlineData("""{"provider":"  ","model":"m","prompt":"p"}""", "provider")]
    [InlineData("""{"provider":"echo","model":"m","prompt":123}""", "prompt")]
    [InlineData("""{"provider":"echo","model":"m","prompt":"p""", "prompt")]
    [InlineData("""{bad""", "body")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("", "body")]
    public async Task Post_InvalidBody_Returns400ProblemNamingTheField(string json, string field)
    {
        using var response = await Http.PostRawAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
    }

    [Fact]
    public async Task Post_UnknownProvider_Returns400ListingTheKnownOnes()
    {
        using var response = await Http.PostRawAsync("""{"provider":"nope","model":"m","prompt":"p"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("provider")[0].GetString();
        Assert.Contains("'nope'", message);
        foreach (var known in new[] { "echo", "groq", "openai", "fake" })
        {
            Assert.Contains(known, message);
        }
    }

    [Fact]
    public async Task Post_PromptOverMaxPromptBytes_Returns413()
    {
        var prompt = new string('x', 1024 * 1024 + 1);

        using var response = await Http.PostRawAsync(JsonSerializer.Serialize(new { provider = "echo", model = "m", prompt }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyFarOverTheLimit_Returns413BeforeReadingIt()
    {
        var prompt = new string('x', 8 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { provider = "echo", model = "m", prompt }), System.Text.Encoding.UTF8, "application/json"),
        };
        // With 100-continue the client waits for the server's verdict before sending the body: the 413
        // proves the gateway answered from Content-Length alone.
        request.Headers.ExpectContinue = true;

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        using var response = await Http.PostRawAsync("""{"provider":"echo","model":"m","prompt":"p"}""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_IdThatIsNotAUuid_Returns400()
    {
        var (status, body) = await Http.GetResultAsync("not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("request_id", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var (status, body) = await Http.GetResultAsync(Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task BadInput_NeverReachesKafka()
    {
        var before = KafkaTopic.Count(fixture.BootstrapServers, "llm.requests");

        foreach (var (json, type) in new[]
        {
            ("""{"provider":"echo","model":"m"}""", "application/json"),
            ("""{"provider":"nope","model":"m","prompt":"p"}""", "application/json"),
            ("""{bad""", "application/json"),
            ("""{"provider":"echo","model":"m","prompt":"p"}""", "text/plain"),
            (JsonSerializer.Serialize(new { provider = "echo", model = "m", prompt = new string('x', 1024 * 1024 + 1) }), "application/json"),
        })
        {
            using var response = await Http.PostRawAsync(json, type);
            Assert.False(response.IsSuccessStatusCode);
        }

        Assert.Equal(before, KafkaTopic.Count(fixture.BootstrapServers, "llm.requests"));
    }
}
