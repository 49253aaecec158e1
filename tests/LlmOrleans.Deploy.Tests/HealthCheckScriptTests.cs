using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOrleans.Deploy.Tests;

/// <summary>
/// deploy/healthcheck.sh, the compose health check inside the images, run with bash against a real Kestrel
/// server standing in for the app (the images have no curl or wget).
/// </summary>
public sealed class HealthCheckScriptTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private int _readyStatus = StatusCodes.Status200OK;
    private int _port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/health/live", () => Results.Text("Healthy"));
        _app.MapGet("/health/ready", () => Results.Text("status", statusCode: Volatile.Read(ref _readyStatus)));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _port = new Uri(address).Port;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ready_WhenTheEndpointAnswers200_ExitsZero()
    {
        Assert.Equal(0, await RunAsync("/health/ready", _port.ToString()));
    }

    [Fact]
    public async Task Ready_WhenTheEndpointAnswers503_ExitsNonZero()
    {
        Volatile.Write(ref _readyStatus, StatusCodes.Status503ServiceUnavailable);
        Assert.NotEqual(0, await RunAsync("/health/ready", _port.ToString()));
    }

    [Fact]
    public async Task UnknownPath_ExitsNonZero()
    {
        Assert.NotEqual(0, await RunAsync("/nothing-here", _port.ToString()));
    }

    [Fact]
    public async Task NothingListening_ExitsNonZero()
    {
        Assert.NotEqual(0, await RunAsync("/health/live", "1"));
    }

    [Fact]
    public async Task ListOfPorts_UsesTheFirst()
    {
        Assert.Equal(0, await RunAsync("/health/live", $"{_port};8081"));
    }

    private static async Task<int> RunAsync(string path, string httpPorts)
    {
        var start = new ProcessStartInfo("bash", [Repo.PathOf("deploy/healthcheck.sh"), path])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_HTTP_PORTS"] = httpPorts;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
