using System.Net;
using System.Net.Http.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Auth.Tests;

[Collection(SecuredPipelineCollection.Name)]
public sealed class KeyLimitTests(SecuredPipelineFixture pipeline)
{
    [Fact]
    public async Task OverItsRate_AKeyGets429WithRetryAfter_OtherKeysDoNot_AndItRecovers()
    {
        using var limited = pipeline.Client(TestKeys.Limited);
        using var bob = pipeline.Client(TestKeys.Bob);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4 * TestKeys.LimitedRate; i++)
        {
            answers.Add(await limited.GetAsync($"/result/{Guid.NewGuid()}"));
        }

        using var bobMeanwhile = await bob.GetAsync($"/result/{Guid.NewGuid()}");
        var rejected = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.NotEmpty(rejected);
        Assert.True(rejected.Count < answers.Count, "the burst should have let the first requests through");
        await ProblemAssert.NamesFieldAsync(rejected[0], HttpStatusCode.TooManyRequests, "requests_per_second");
        var retryAfter = rejected[0].Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.NotFound, bobMeanwhile.StatusCode);

        await Task.Delay(retryAfter);
        using var later = await limited.GetAsync($"/result/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, later.StatusCode);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task AtItsMaxInFlight_AKeyGets429_UntilAJobFinishes()
    {
        using var http = pipeline.Client(TestKeys.OneAtATime);
        pipeline.FakeProvider.Enqueue(new FakeReply.Delayed(TimeSpan.FromSeconds(2), FakeReply.Success("slow answer")));
        var first = await http.SubmitAsync("fake", "slow-model", "takes a while");

        using var second = await http.PostAsJsonAsync("/process", new { provider = "echo", model = "m", prompt = "too many" });

        await ProblemAssert.NamesFieldAsync(second, HttpStatusCode.TooManyRequests, "max_in_flight");
        Assert.NotNull(second.Headers.RetryAfter);
        var finished = await http.WaitForFinishAsync(first);
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());

        // The place comes back once the first job's outcome is published.
        await Eventually.TrueAsync(
            async () =>
            {
                using var again = await http.PostAsJsonAsync("/process", new { provider = "echo", model = "m", prompt = "now it fits" });
                return again.StatusCode == HttpStatusCode.Accepted;
            },
            TimeSpan.FromSeconds(10),
            "a submit once the first job finished");
    }

    [Theory]
    [InlineData("groq", "echo-small", "provider")]
    [InlineData("echo", "echo-large", "model")]
    public async Task AProviderOrModelTheKeyMayNotUse_Is403NamingTheField(string provider, string model, string field)
    {
        using var http = pipeline.Client(TestKeys.EchoOnly);
        var before = KafkaTopic.Count(pipeline.BootstrapServers, "llm.requests");

        using var response = await http.PostAsJsonAsync("/process", new { provider, model, prompt = "not for you" });

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.Forbidden, field);
        Assert.Equal(before, KafkaTopic.Count(pipeline.BootstrapServers, "llm.requests"));
    }

    [Fact]
    public async Task AllowedProviderAndModel_AreAccepted()
    {
        using var http = pipeline.Client(TestKeys.EchoOnly);

        var requestId = await http.SubmitAsync("echo", "echo-small", "allowed");

        Assert.Equal("succeeded", (await http.WaitForFinishAsync(requestId)).GetProperty("status").GetString());
    }
}
