using System.Net;
using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Ui.Tests;

/// <summary>The page's JSON endpoints and files, through HTTP against the running pipeline.</summary>
[Collection(UiPipelineCollection.Name)]
public sealed class JobsUiApiTests(UiPipelineFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Overview_CountsFinishedJobs_WithThroughputLatencyLagAndTheLiveSilo()
    {
        var before = (await GetJsonAsync("/ui/api/overview")).GetProperty("counts").GetProperty("succeeded").GetInt64();
        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Http.SubmitAsync("echo", "echo", $"overview {i}")));
        await Task.WhenAll(ids.Select(id => Http.WaitForFinishAsync(id)));

        // The silo writes its stats every 2 s.
        var overview = await Eventually.UntilAsync(
            () => GetJsonAsync("/ui/api/overview"),
            o => o.GetProperty("counts").GetProperty("succeeded").GetInt64() >= before + 5,
            Timeout,
            "the overview to count the five jobs");

        var counts = overview.GetProperty("counts");
        Assert.Equal(0, counts.GetProperty("failed").GetInt64());
        Assert.True(counts.GetProperty("started").GetInt64() >= before + 5);
        Assert.Equal(JsonValueKind.Number, counts.GetProperty("queued").ValueKind);
        Assert.True(counts.GetProperty("running").GetInt64() >= 0);

        var throughput = overview.GetProperty("throughput");
        Assert.Equal(10, throughput.GetProperty("bucket_seconds").GetInt32());
        var points = throughput.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(60, points.Count);
        Assert.True(points.Sum(p => p.GetProperty("succeeded").GetInt32()) >= 5);

        var echo = overview.GetProperty("latency").EnumerateArray()
            .Single(l => l.GetProperty("provider").GetString() == "echo" && l.GetProperty("model").GetString() == "echo");
        Assert.True(echo.GetProperty("answered").GetInt64() >= 5);
        var (p50, p95, p99) = (echo.GetProperty("p50_ms").GetDouble(), echo.GetProperty("p95_ms").GetDouble(), echo.GetProperty("p99_ms").GetDouble());
        Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99, $"p50 {p50}, p95 {p95}, p99 {p99}");

        var silo = Assert.Single(overview.GetProperty("silos").EnumerateArray());
        Assert.True(silo.GetProperty("live").GetBoolean());
        Assert.All(overview.GetProperty("lag").EnumerateArray(), p =>
        {
            Assert.Equal("llm.requests", p.GetProperty("topic").GetString());
            Assert.Equal(silo.GetProperty("silo_id").GetString(), p.GetProperty("silo_id").GetString());
        });
    }

    [Fact]
    public async Task Recent_ListsTakenJobs_WithTheirState_UpToTheLimit()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Http.SubmitAsync("echo", "echo", $"recent {i}")));
        await Task.WhenAll(ids.Select(id => Http.WaitForFinishAsync(id)));

        var recent = await Eventually.UntilAsync(
            () => GetJsonAsync("/ui/api/jobs/recent?limit=200"),
            r => ids.All(id => r.GetProperty("jobs").EnumerateArray().Any(j => j.GetProperty("request_id").GetString() == id)),
            Timeout,
            "the recent list to hold the three jobs");

        foreach (var job in recent.GetProperty("jobs").EnumerateArray().Where(j => ids.Contains(j.GetProperty("request_id").GetString())))
        {
            Assert.Equal("succeeded", job.GetProperty("state").GetString());
            Assert.Equal("echo", job.GetProperty("provider").GetString());
            Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        }

        Assert.Single((await GetJsonAsync("/ui/api/jobs/recent?limit=1")).GetProperty("jobs").EnumerateArray());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("ten")]
    public async Task Recent_RejectsABadLimit_NamingTheField(string limit)
    {
        var (status, body) = await GetAsync($"/ui/api/jobs/recent?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("limit", out _), body.ToString());
    }

    [Fact]
    public async Task Detail_ShowsThePromptOutputAttemptsAndTimings()
    {
        var id = await Http.SubmitAsync("echo", "echo", "detail please");
        await Http.WaitForFinishAsync(id);

        var (status, detail) = await GetAsync($"/ui/api/jobs/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        var job = detail.GetProperty("job");
        Assert.Equal(id, job.GetProperty("request_id").GetString());
        Assert.Equal("succeeded", job.GetProperty("phase").GetString());
        Assert.Equal("detail please", job.GetProperty("output").GetString());
        Assert.Equal("detail please", detail.GetProperty("prompt").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        var timings = detail.GetProperty("timings");
        var (queued, running, total) = (timings.GetProperty("queued_ms").GetDouble(), timings.GetProperty("running_ms").GetDouble(), timings.GetProperty("total_ms").GetDouble());
        Assert.True(queued >= 0 && running >= 0);
        Assert.Equal(queued + running, total, 3);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("12345")]
    public async Task Detail_RejectsABadId_NamingTheField(string id)
    {
        var (status, body) = await GetAsync($"/ui/api/jobs/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("request_id", out _), body.ToString());
    }

    [Fact]
    public async Task Detail_AnswersNotFound_ForAJobNobodyKnows()
    {
        using var response = await Http.GetAsync($"/ui/api/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_IsServedWithItsFiles_RevalidatedByETag_AndTheRootRedirectsToIt()
    {
        using var root = await Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/ui", root.Headers.Location?.OriginalString);

        using var page = await Http.GetAsync("/ui");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("/ui/jobs.js", await page.Content.ReadAsStringAsync());

        foreach (var (file, type) in new[] { ("jobs.js", "text/javascript"), ("jobs.css", "text/css") })
        {
            using var asset = await Http.GetAsync($"/ui/{file}");
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);

            using var again = new HttpRequestMessage(HttpMethod.Get, $"/ui/{file}");
            again.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
            using var cached = await Http.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        }

        using var missing = await Http.GetAsync("/ui/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        return status == HttpStatusCode.OK ? body : throw new HttpRequestException($"GET {path} answered {(int)status}: {body}");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
