using System.Net;
using System.Text.Json;

namespace LlmOrleans.Auth.Tests;

/// <summary>Checks an error answer: its status, problem JSON, and the field it names.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> NamesFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"errors.{field} missing in {text}");
        return body;
    }
}
