using System.Diagnostics;
using System.Net;
using LlmOrleans.Testing;

namespace LlmOrleans.Auth.Tests;

[Collection(SecuredPipelineCollection.Name)]
public sealed class TenantIsolationTests(SecuredPipelineFixture pipeline)
{
    [Fact]
    public async Task AnotherTenantsJob_ReadsExactlyLikeAnUnknownOne()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        using var bob = pipeline.Client(TestKeys.Bob);
        var requestId = await alice.SubmitAsync("echo", "echo-small", "alice's secret plan");

        // While queued or running, and once finished: never visible to bob.
        var (whilePending, pendingBody) = await bob.GetResultAsync(requestId);
        await alice.WaitForFinishAsync(requestId);
        var (afterwards, finishedBody) = await bob.GetResultAsync(requestId);
        var (unknown, unknownBody) = await bob.GetResultAsync(Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, whilePending);
        Assert.Equal(HttpStatusCode.NotFound, afterwards);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(unknownBody.GetProperty("title").GetString(), finishedBody.GetProperty("title").GetString());
        Assert.DoesNotContain("secret plan", pendingBody.ToString());
        Assert.DoesNotContain("secret plan", finishedBody.ToString());
    }

    [Fact]
    public async Task AnotherTenantsRunningJob_WithWait_Is404AtOnce_NotHeldUntilItFinishes()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        using var bob = pipeline.Client(TestKeys.Bob);
        pipeline.FakeProvider.Enqueue(new FakeReply.Delayed(TimeSpan.FromSeconds(4), FakeReply.Success("alice's slow answer")));
        var requestId = await alice.SubmitAsync("fake", "slow-model", "alice's long job");

        var clock = Stopwatch.StartNew();
        var (status, body) = await bob.GetResultAsync(requestId, wait: "15");
        clock.Stop();
        var finished = await alice.WaitForFinishAsync(requestId);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("slow answer", body.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"answered after {clock.ElapsedMilliseconds} ms: held while alice's job ran");
        Assert.Equal("alice's slow answer", finished.GetProperty("output").GetString());
    }

    [Fact]
    public async Task KeysOfTheSameTenant_AndAdmins_SeeTheJob()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        using var aliceSecond = pipeline.Client(TestKeys.AliceSecond);
        using var admin = pipeline.Client(TestKeys.Admin);
        var requestId = await alice.SubmitAsync("echo", "echo-small", "shared within alice");

        var fromSecondKey = await aliceSecond.WaitForFinishAsync(requestId);
        var (adminStatus, fromAdmin) = await admin.GetResultAsync(requestId);

        Assert.Equal("succeeded", fromSecondKey.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        Assert.Equal(requestId, fromAdmin.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task TheTenant_TravelsWithTheJobToTheResponseTopic()
    {
        using var bob = pipeline.Client(TestKeys.Bob);
        var requestId = await bob.SubmitAsync("echo", "echo-small", "whose is it");
        await bob.WaitForFinishAsync(requestId);

        var record = await Eventually.UntilAsync(
            () => Task.FromResult(KafkaTopic.ReadAll(pipeline.BootstrapServers, "llm.responses").FirstOrDefault(m => m.Key == requestId)),
            m => m.Key is not null,
            TimeSpan.FromSeconds(10),
            "the job's response record");

        Assert.Contains("\"tenant\":\"bob\"", record.Value);
    }
}
