namespace LlmOrleans.Gateway.Api;

/// <summary>Problem-details answers that name the field or header at fault.</summary>
public static class Problems
{
    /// <summary>A problem with <c>errors.{field}</c> set to <paramref name="message"/>.</summary>
    public static IResult Field(int status, string title, string detail, string field, string message) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
