using System.Text.Json;

namespace LlmOrleans.Security.Tests;

/// <summary><c>POST /process</c> with any bytes and any content type, sized or chunked.</summary>
public static class GatewayRequests
{
    /// <summary>A request whose body is exactly <paramref name="body"/>; without a Content-Length when <paramref name="chunked"/>.</summary>
    public static async Task<PostAnswer> PostAsync(this HttpClient http, byte[] body, string? contentType = "application/json", bool chunked = false)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/process") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await http.SendAsync(request);
        return new PostAnswer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsByteArrayAsync(),
            response.Headers.Location);
    }
}

/// <summary>The gateway's answer to one <c>POST /process</c>.</summary>
public sealed record PostAnswer(int Status, string? MediaType, byte[] Body, Uri? Location)
{
    /// <summary>Asserts a 202 with a UUID and its Location; returns the request id.</summary>
    public string AcceptedRequestId()
    {
        Assert.Equal(202, Status);
        using var document = JsonDocument.Parse(Body);
        var requestId = document.RootElement.GetProperty("request_id").GetString();
        Assert.True(Guid.TryParse(requestId, out _), $"request_id '{requestId}' is not a UUID");
        Assert.Equal($"/result/{requestId}", Location?.ToString());
        return requestId!;
    }

    public JsonElement Problem() => ProblemAssert.IsProblem(Status, MediaType, Body);

    public override string ToString() => $"{Status} {MediaType} {System.Text.Encoding.UTF8.GetString(Body)}";
}
