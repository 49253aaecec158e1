using System.Diagnostics;
using System.Net;
using LlmOrleans.Testing;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary><c>GET /result/{id}?wait=N</c>: held until the job finishes or N seconds pass.</summary>
[Collection(PipelineCollection.Name)]
public sealed class LongPollTests(PipelineFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Get_WithWait_AnswersTheResultAsSoonAsTheJobFinishes()
    {
        fixture.FakeProvider.Enqueue(new FakeReply.Delayed(TimeSpan.FromSeconds(1.5), FakeReply.Success("worth the wait")));
        var requestId = await Http.SubmitAsync("fake", "slow-model", "take your time");

        var clock = Stopwatch.StartNew();
        var (status, body) = await Http.GetResultAsync(requestId, wait: "15");
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal("worth the wait", body.GetProperty("output").GetString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"answered after {clock.ElapsedMilliseconds} ms, before the provider did");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.ElapsedMilliseconds} ms, not when the job finished");
    }

    [Fact]
    public async Task Get_WithWaitShorterThanTheJob_AnswersPendingWhenTheWaitIsOver()
    {
        fixture.FakeProvider.Enqueue(new FakeReply.Delayed(TimeSpan.FromSeconds(5), FakeReply.Success("later")));
        var requestId = await Http.SubmitAsync("fake", "slow-model", "take your time");

        var clock = Stopwatch.StartNew();
        var (status, body) = await Http.GetResultAsync(requestId, wait: "1");
        clock.Stop();
        var finished = await Http.WaitForFinishAsync(requestId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"answered after {clock.ElapsedMilliseconds} ms, before the wait was over");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal("later", finished.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Get_WithWaitOnAnUnknownJob_Answers404AtOnce()
    {
        var clock = Stopwatch.StartNew();
        var (status, _) = await Http.GetResultAsync(Guid.NewGuid().ToString(), wait: "15");
        clock.Stop();

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("21")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public async Task Get_WithInvalidWait_Returns400NamingTheField(string wait)
    {
        var (status, body) = await Http.GetResultAsync(Guid.NewGuid().ToString(), wait);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("0 to 20", body.GetProperty("errors").GetProperty("wait")[0].GetString());
    }
}
