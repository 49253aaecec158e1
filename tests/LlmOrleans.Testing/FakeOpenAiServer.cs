using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOrleans.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that speaks the OpenAI chat-completions wire format
/// (<c>POST /v1/chat/completions</c>). Each request takes the next scripted <see cref="FakeReply"/>;
/// with none left it answers 500. Every request is recorded.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>Base URL to configure as the provider endpoint, e.g. <c>http://127.0.0.1:5123/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    /// <summary>Starts a server on an ephemeral loopback port.</summary>
    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri($"{address}/v1");
        return server;
    }

    /// <summary>Scripts the replies to the next requests, in order.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var model = body?["model"]?.GetValue<string>();
        _requests.Enqueue(new FakeRequest(model, context.Request.Headers.Authorization.ToString(), body?.ToJsonString() ?? ""));

        var reply = _replies.TryDequeue(out var next)
            ? next
            : FakeReply.Error(500, FakeReply.ErrorBody("FakeOpenAiServer: no reply scripted", "server_error"));
        try
        {
            await SendAsync(context, reply, model);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while a delayed reply was pending.
        }
    }

    private static async Task SendAsync(HttpContext context, FakeReply reply, string? model)
    {
        switch (reply)
        {
            case FakeReply.Delayed delayed:
                await Task.Delay(delayed.Delay, context.RequestAborted);
                await SendAsync(context, delayed.Then, model);
                break;
            case FakeReply.Abort:
                context.Abort();
                break;
            case FakeReply.Completion completion:
                await context.Response.WriteAsJsonAsync(CompletionJson(completion, model));
                break;
            case FakeReply.Raw raw:
                context.Response.StatusCode = raw.Status;
                foreach (var (name, value) in raw.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                context.Response.ContentType = raw.ContentType;
                await context.Response.WriteAsync(raw.Body);
                break;
        }
    }

    private static JsonObject CompletionJson(FakeReply.Completion completion, string? model) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = completion.Text },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = completion.PromptTokens,
            ["completion_tokens"] = completion.CompletionTokens,
            ["total_tokens"] = completion.PromptTokens + completion.CompletionTokens,
        },
    };
}

/// <summary>One request as the fake server saw it.</summary>
public sealed record FakeRequest(string? Model, string Authorization, string Body);

/// <summary>What the fake server does with one request.</summary>
public abstract record FakeReply
{
    /// <summary>A <c>chat.completion</c> whose first choice says <paramref name="Text"/>.</summary>
    public sealed record Completion(string Text, int PromptTokens, int CompletionTokens) : FakeReply;

    /// <summary>Any status, body and headers, sent as they are.</summary>
    public sealed record Raw(int Status, string Body, string ContentType, IReadOnlyDictionary<string, string> Headers) : FakeReply;

    /// <summary>Waits, then does <paramref name="Then"/>; stops early if the client goes away.</summary>
    public sealed record Delayed(TimeSpan Delay, FakeReply Then) : FakeReply;

    /// <summary>Drops the connection without a response.</summary>
    public sealed record Abort : FakeReply;

    /// <summary>A successful completion.</summary>
    public static FakeReply Success(string text, int promptTokens = 3, int completionTokens = 5) =>
        new Completion(text, promptTokens, completionTokens);

    /// <summary>An error status with a JSON body and optional headers.</summary>
    public static FakeReply Error(int status, string body, params (string Name, string Value)[] headers) =>
        new Raw(status, body, "application/json", headers.ToDictionary(header => header.Name, header => header.Value));

    /// <summary>A 200 whose body is not a valid completion.</summary>
    public static FakeReply Malformed(string body = """{"id":"chatcmpl-fake","choices":[{"mess""") =>
        new Raw(200, body, "application/json", new Dictionary<string, string>());

    /// <summary>The OpenAI error body <c>{"error":{"message","type","code"}}</c>.</summary>
    public static string ErrorBody(string message, string type, string? code = null) =>
        JsonSerializer.Serialize(new { error = new { message, type, code, param = (string?)null } });
}
