using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOrleans.Bench.Targets;

/// <summary>
/// The same-run ceiling: bare Kestrel with a minimal-API <c>POST /process</c> that reads the same JSON body and
/// answers 202 with a request id, like the gateway but with no Kafka, Redis or Orleans behind it.
/// </summary>
public sealed class KestrelBaseline : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelBaseline(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where it listens (a free loopback port).</summary>
    public Uri Address { get; }

    /// <summary>Starts the baseline on <paramref name="port"/> (0: a free port) on 127.0.0.1.</summary>
    public static async Task<KestrelBaseline> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // As the gateway does: the options' naming policy applies even to source-generated metadata.
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJsonContext.Default);
        });
        var app = builder.Build();
        app.MapPost("/process", (BaselineJob job) =>
        {
            var id = Guid.NewGuid().ToString("D");
            return TypedResults.Accepted($"/result/{id}", new BaselineAccepted(id));
        });
        await app.StartAsync();
        return new KestrelBaseline(app, ServerAddress.Of(app.Services));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The job body, as the gateway reads it.</summary>
public sealed record BaselineJob(string? Provider, string? Model, string? Prompt);

/// <summary>The 202 body, as the gateway writes it.</summary>
public sealed record BaselineAccepted(string RequestId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BaselineJob))]
[JsonSerializable(typeof(BaselineAccepted))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
