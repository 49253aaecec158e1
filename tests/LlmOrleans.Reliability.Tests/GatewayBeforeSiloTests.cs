using System.Net;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Reliability.Tests;

/// <summary>A gateway that starts, accepts and answers reads before any silo exists, then one joins.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class GatewayBeforeSiloTests(ITestOutputHelper output)
{
    [Fact]
    public async Task JobAcceptedBeforeAnySilo_ReadsQueued_ThenSucceeds_OnceASiloJoins()
    {
        await using var cluster = await ClusterHarness.StartAsync(new Dictionary<string, string>());
        var gateway = await cluster.StartGatewayAsync("gateway");
        using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(10) };
        var load = new JobLoad(http);
        var early = await load.SubmitAsync("before any silo");

        // Answered from the queued-job index: the gateway's cluster client knows no grain types yet.
        var (status, before) = await http.GetResultAsync(early);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending", before.GetProperty("status").GetString());
        Assert.Equal("queued", before.GetProperty("phase").GetString());

        await cluster.StartSiloAsync("silo-1");
        var late = await load.SubmitAsync("after the silo joined");
        var results = await load.WaitForAllAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("succeeded", results[early].GetProperty("status").GetString());
        Assert.Equal("succeeded", results[late].GetProperty("status").GetString());
        output.WriteLine("gateway before any silo: a job accepted then read pending/queued, and both jobs succeeded once a silo joined");
    }
}
