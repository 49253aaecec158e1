using System.Net;
using System.Text.Json;
using LlmOrleans.Gateway.Extensions;
using LlmOrleans.Local;
using LlmOrleans.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LlmOrleans.Observability.Tests;

/// <summary>A gateway whose Kafka and Redis are up but that has no silo to reach at all.</summary>
public sealed class GatewayWithoutSiloTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private RedisServer _redis = null!;
    private LocalPipeline _infrastructure = null!;
    private WebApplication _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var options = new LocalPipelineOptions { InfrastructureOnly = true, ExternalRedis = ("127.0.0.1", _redis.Port) };
        options.Settings["ORLEANS_SERVICE_ID"] = $"no-silo-{Guid.NewGuid():N}";
        _infrastructure = await LocalPipeline.StartAsync(options, []);

        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(_infrastructure.Settings);
        builder.WebHost.UseUrls(url);
        _gateway = builder.AddGatewayHost().Build().MapGatewayHost();

        // The cluster client keeps looking for a silo in the background; the host has started and serves meanwhile.
        await _gateway.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.TrueAsync(async () => await IsLiveAsync(), Timeout, "the gateway to answer /health/live");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await _infrastructure.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Ready_WithNoSilo_IsDegradedButStill200_OnlyBecauseOfTheClusterCheck()
    {
        // Kafka's check may need its first metadata answer; after that the gateway is ready, degraded.
        await Eventually.TrueAsync(async () => await ReadyAsync() == (HttpStatusCode.OK, "Degraded"), Timeout, "/health/ready to answer 200 Degraded");

        var report = await _gateway.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal(HealthStatus.Degraded, report.Entries["cluster"].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["redis"].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["kafka"].Status);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task JobsPage_WithNoSilo_ShowsNoLiveSiloAndNoQueueFigure_InsteadOfFailing()
    {
        using var response = await _http.GetAsync("/ui/api/overview");
        using var overview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, overview.RootElement.GetProperty("counts").GetProperty("queued").ValueKind);
        Assert.Empty(overview.RootElement.GetProperty("silos").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/ui/api/jobs/recent")).StatusCode);
    }

    private async Task<bool> IsLiveAsync()
    {
        try
        {
            return (await _http.GetAsync("/health/live")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> ReadyAsync()
    {
        using var response = await _http.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
