using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using LlmOrleans.Gateway.Jobs;
using LlmOrleans.Gateway.Security;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Messaging;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.Gateway.Api;

/// <summary><c>POST /process</c> and <c>GET /result/{request_id}</c>.</summary>
public static partial class JobsApi
{
    private const string RetryAfterSeconds = "5";
    private const string InFlightRetryAfterSeconds = "1";

    /// <summary>Maps the job endpoints.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/process", SubmitAsync)
            .RequireAuthorization(Scopes.Submit)
            .WithName("SubmitJob")
            .WithSummary("Queue an LLM job; answers 202 with its request id once Kafka has it.");
        app.MapGet("/result/{requestId}", GetResultAsync)
            .RequireAuthorization(Scopes.Read)
            .WithName("GetJobResult")
            .WithSummary("A job's status and, once finished, its output or error; with ?wait=N, held up to N seconds until it finishes.");
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context,
        JobPublisher publisher,
        KnownProviders providers,
        IOptions<JobRequestLimits> limits,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the job as JSON with 'Content-Type: application/json'.");
        }

        var bodyLimit = BodyLimit(limits.Value);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = bodyLimit;
        }

        if (context.Request.ContentLength > bodyLimit)
        {
            return BodyTooLarge(bodyLimit);
        }

        ProcessRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, GatewayJsonContext.Default.ProcessRequest, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [FieldOf(ex.Path)] = [ex.Message] },
                title: "The body is not valid JSON for a job.");
        }
        catch (IOException ex)
        {
            // Kestrel refused the body as it streamed in: over the limit, or not valid HTTP framing. A chunk size
            // that overflows comes as a bare IOException, not a BadHttpRequestException (aspnet/KestrelHttpServer#1899),
            // whose message is not ours to echo. Either way the client's fault, so never a 500.
            var status = (ex as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest;
            var message = ex is BadHttpRequestException ? ex.Message : "The body is not valid HTTP chunked framing.";
            return status switch
            {
                StatusCodes.Status413PayloadTooLarge => BodyTooLarge(bodyLimit),
                StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["body"] = [message] }, title: "The body could not be read."),
                _ => Problem(status, "The body could not be read.", message),
            };
        }

        if (request is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object."] });
        }

        if (JobFieldRules.Check(request.Provider, request.Model, request.Prompt, limits.Value) is { } error)
        {
            return error.TooLarge
                ? PromptTooLarge(limits.Value)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] });
        }

        if (!providers.Contains(request.Provider!))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["provider"] = [$"Unknown provider '{request.Provider}'. Known providers: {string.Join(", ", providers.Names)}."],
            });
        }

        var caller = context.GetCaller()!;
        if (NotAllowed(caller, request) is { } forbidden)
        {
            return forbidden;
        }

        try
        {
            if (await publisher.PublishAsync(request, caller) is not { } requestId)
            {
                context.Response.Headers.RetryAfter = InFlightRetryAfterSeconds;
                var detail = $"This API key already has its maximum of {caller.Key!.MaxInFlight} jobs in flight; retry when some have finished.";
                return Problems.Field(StatusCodes.Status429TooManyRequests, "Too many jobs in flight", detail, "max_in_flight", detail);
            }

            return TypedResults.Accepted($"/result/{requestId}", new ProcessAccepted(requestId));
        }
        catch (Exception ex) when (ex is KafkaException or RedisException or TimeoutException)
        {
            LogNotAccepted(loggers.CreateLogger(typeof(JobsApi)), ex);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return Problem(StatusCodes.Status503ServiceUnavailable, "Job queue unavailable",
                "The job was not accepted because Kafka or Redis is not reachable; retry later.");
        }
    }

    private static async Task<Results<Ok<JobStatusResponse>, ValidationProblem, ProblemHttpResult>> GetResultAsync(
        string requestId, string? wait, HttpContext context, JobStatusReader reader)
    {
        if (!Guid.TryParse(requestId, out var id))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid request_id", "'request_id' must be a UUID.");
        }

        if (WaitOf(wait) is not { } waitFor)
        {
            var message = $"'wait' must be a whole number of seconds from 0 to {JobWaits.MaxWait.TotalSeconds:0}.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["wait"] = [message] });
        }

        try
        {
            return await reader.WaitForAsync(id.ToString("D"), context.GetCaller()!, waitFor, context.RequestAborted) is { } status
                ? TypedResults.Ok(status)
                : Problems.UnknownJob(id);
        }
        catch (Exception ex) when (ex is ClusterUnavailableException or RedisException or TimeoutException)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return Problem(StatusCodes.Status503ServiceUnavailable, "Job status unavailable",
                "Neither the cluster nor Redis answered; retry later.");
        }
    }

    /// <summary>The long poll's wait (<c>?wait=</c> seconds, none when absent), or null when not a valid one.</summary>
    private static TimeSpan? WaitOf(string? wait) =>
        wait is null ? TimeSpan.Zero
        : int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= JobWaits.MaxWait.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>403 naming the field when the caller's key may not use the job's provider or model.</summary>
    private static IResult? NotAllowed(Caller caller, ProcessRequest request)
    {
        var provider = request.Provider!.Trim().ToLowerInvariant();
        var model = request.Model!.Trim();
        if (caller.Key is not { } key)
        {
            return null;
        }

        if (!key.AllowsProvider(provider))
        {
            return Problems.Field(StatusCodes.Status403Forbidden, "Provider not allowed", $"This API key may not use provider '{provider}'.",
                "provider", $"Allowed providers: {string.Join(", ", key.Providers!.Order(StringComparer.Ordinal))}.");
        }

        return key.AllowsModel(model)
            ? null
            : Problems.Field(StatusCodes.Status403Forbidden, "Model not allowed", $"This API key may not use model '{model}'.",
                "model", $"Allowed models: {string.Join(", ", key.Models!.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>
    /// The body may be bigger than the prompt (JSON escapes, other fields) but is bounded before it is
    /// buffered: twice the prompt limit plus room for the envelope.
    /// </summary>
    private static long BodyLimit(JobRequestLimits limits) => 2L * limits.MaxPromptBytes + 64 * 1024;

    private static IResult PromptTooLarge(JobRequestLimits limits) =>
        Problems.Field(StatusCodes.Status413PayloadTooLarge, "Prompt too large",
            $"'prompt' is larger than {limits.MaxPromptBytes} bytes (MAX_PROMPT_BYTES).",
            "prompt", $"'prompt' is larger than {limits.MaxPromptBytes} bytes (MAX_PROMPT_BYTES).");

    private static IResult BodyTooLarge(long bodyLimit) =>
        Problems.Field(StatusCodes.Status413PayloadTooLarge, "Body too large",
            $"The body is larger than {bodyLimit} bytes (2 × MAX_PROMPT_BYTES + 64 KiB), so the prompt in it is over MAX_PROMPT_BYTES.",
            "body", $"The body is larger than {bodyLimit} bytes.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static string FieldOf(string? jsonPath) =>
        jsonPath is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    [LoggerMessage(410, LogLevel.Warning, "A job was not accepted: the queue is unavailable")]
    private static partial void LogNotAccepted(ILogger logger, Exception exception);
}
