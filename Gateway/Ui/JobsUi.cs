using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Jobs;
using LlmOrleans.Gateway.Security;
using LlmOrleans.ServiceDefaults.Stats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// The jobs page at <c>/ui</c> (and <c>/</c> redirecting to it) and the JSON it polls, all under <c>/ui/api</c>:
/// <c>overview</c>, <c>jobs/recent</c> and <c>jobs/{request_id}</c>.
/// </summary>
public static class JobsUi
{
    private const int DefaultRecentLimit = 20;
    private const string RetryAfterSeconds = "5";

    /// <summary>Adds the readers of the silos' stats and recent jobs, the page's files and its JSON contract.</summary>
    public static WebApplicationBuilder AddJobsUi(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ClusterStatsStore>();
        builder.Services.AddSingleton<ClusterOverviewReader>();
        builder.Services.AddSingleton<RecentJobsReader>();
        builder.Services.AddSingleton(UiPage.Load());
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, UiJsonContext.Default));
        return builder;
    }

    /// <summary>
    /// Maps the page's files (public) and its JSON endpoints (scope <c>jobs:read</c>; the cluster-wide overview
    /// also <c>admin</c>). Job views show only the caller's tenant's jobs, like <c>GET /result</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapJobsUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/ui")).ExcludeFromDescription();
        app.MapGet("/ui", (HttpContext context, UiPage page) => page.Serve("index.html", context)).ExcludeFromDescription();
        app.MapGet("/ui/{file}", (string file, HttpContext context, UiPage page) => page.Serve(file, context)).ExcludeFromDescription();

        // The page's files are public (they hold no data) so it can ask for a key; its data needs one.
        var api = app.MapGroup("/ui/api").RequireAuthorization(Scopes.Read);
        api.MapGet("/overview", GetOverviewAsync)
            .RequireAuthorization(Scopes.Admin)
            .WithName("GetJobsOverview")
            .WithSummary("Jobs by status, throughput, provider latency, queue lag and silos, added up from every silo's stats.");
        api.MapGet("/jobs/recent", GetRecentAsync)
            .WithName("GetRecentJobs")
            .WithSummary("The most recently taken jobs, newest first, each with its current state.");
        api.MapGet("/jobs/{requestId}", GetDetailAsync)
            .WithName("GetJobDetail")
            .WithSummary("One job's status, output or error, attempts and timings.");
        return app;
    }

    private static async Task<Results<Ok<OverviewResponse>, ProblemHttpResult>> GetOverviewAsync(
        HttpContext context, ClusterOverviewReader reader)
    {
        try
        {
            return TypedResults.Ok(await reader.ReadAsync());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unavailable(context, "Redis did not answer; retry later.");
        }
    }

    private static async Task<Results<Ok<RecentJobsResponse>, ValidationProblem, ProblemHttpResult>> GetRecentAsync(
        string? limit, HttpContext context, RecentJobsReader reader)
    {
        var count = DefaultRecentLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > ClusterStatsStore.RecentCapacity))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"'limit' must be a whole number from 1 to {ClusterStatsStore.RecentCapacity}."],
            });
        }

        try
        {
            return TypedResults.Ok(new RecentJobsResponse(await reader.ReadAsync(count, context.GetCaller()!, context.RequestAborted)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unavailable(context, "Redis did not answer; retry later.");
        }
    }

    private static async Task<Results<Ok<JobDetailResponse>, ValidationProblem, ProblemHttpResult>> GetDetailAsync(
        string requestId, HttpContext context, JobStatusReader reader)
    {
        if (!Guid.TryParse(requestId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["request_id"] = ["'request_id' must be a UUID."],
            });
        }

        try
        {
            return await reader.ReadForAsync(id.ToString("D"), context.GetCaller()!) is { } status
                ? TypedResults.Ok(JobDetailResponse.From(status, await reader.ReadPromptAsync(status.RequestId)))
                : Problems.UnknownJob(id);
        }
        catch (Exception ex) when (ex is ClusterUnavailableException or RedisException or TimeoutException)
        {
            return Unavailable(context, "Neither the cluster nor Redis answered; retry later.");
        }
    }

    private static ProblemHttpResult Unavailable(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable", detail: detail);
    }
}
