using System.Diagnostics;
using LlmOrleans.Testing;

namespace LlmOrleans.Observability.Tests;

[Collection(ObservedPipelineCollection.Name)]
public sealed class TracingTests(ObservedPipelineFixture fixture)
{
    private const string Prompt = "follow me through the pipeline";

    [Fact]
    public async Task OneJob_IsOneTrace_FromThePostThroughKafkaAndTheGrainToTheResultPublish()
    {
        var requestId = await fixture.Gateway.SubmitAsync("echo", "traced-model", Prompt);
        await fixture.Gateway.WaitForFinishAsync(requestId);

        var trace = await Eventually.UntilAsync(
            () => Task.FromResult(TraceOf(requestId)),
            spans => spans.Any(s => s.DisplayName == "job run") && spans.Any(s => s.DisplayName == "publish llm.responses"),
            TimeSpan.FromSeconds(30),
            "the job's spans to be exported");

        var post = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /process");
        var publish = Assert.Single(trace, s => s.DisplayName == "publish llm.requests");
        var submit = Assert.Single(trace, s => s.DisplayName == "submit");
        var attempt = Assert.Single(trace, s => s.DisplayName == "llm attempt");
        Assert.Single(trace, s => s.DisplayName == "job run");
        Assert.Single(trace, s => s.DisplayName == "publish llm.responses");

        Assert.Equal(post.TraceId, publish.TraceId);
        Assert.Equal(publish.SpanId, submit.ParentSpanId);
        Assert.Equal("echo", attempt.GetTagItem("provider"));
        Assert.Equal("traced-model", attempt.GetTagItem("model"));
        Assert.Equal(1, attempt.GetTagItem("attempt"));
        Assert.Equal("success", attempt.GetTagItem("outcome"));
        Assert.DoesNotContain(trace.SelectMany(s => s.TagObjects), tag => tag.Value is string text && text.Contains(Prompt));
    }

    /// <summary>The spans of the trace that holds the job's attempt, one per span (both hosts export every span).</summary>
    private List<Activity> TraceOf(string requestId)
    {
        var spans = fixture.Spans.Snapshot();
        var attempt = spans.FirstOrDefault(s => s.DisplayName == "llm attempt" && Equals(s.GetTagItem("request_id"), requestId));
        return attempt is null
            ? []
            : spans.Where(s => s.TraceId == attempt.TraceId).DistinctBy(s => s.SpanId).ToList();
    }
}
