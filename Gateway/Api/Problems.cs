using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmOrleans.Gateway.Api;

/// <summary>Problem-details answers the API and the jobs page share.</summary>
public static class Problems
{
    /// <summary>404 for a job that is unknown, expired, or someone else's: the three read the same.</summary>
    public static ProblemHttpResult UnknownJob(Guid requestId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown job",
            detail: $"No job '{requestId:D}' is known: it never existed or its result expired.");

    /// <summary>A problem with <c>errors.{field}</c> set to <paramref name="message"/>.</summary>
    public static IResult Field(int status, string title, string detail, string field, string message) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
