using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Security.Tests;

/// <summary>What every error answer must look like: a ProblemDetails body saying the same status.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts a <c>application/problem+json</c> body whose <c>status</c> is <paramref name="status"/>; returns it.</summary>
    public static JsonElement IsProblem(int status, string? mediaType, byte[] body)
    {
        Assert.Equal("application/problem+json", mediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        return root;
    }

    public static JsonElement IsProblem(RawHttpResponse response) => IsProblem(response.Status, response.MediaType, response.Body);

    /// <summary>Asserts a 400 problem whose <c>errors</c> names <paramref name="field"/> with a message.</summary>
    public static void NamesField(JsonElement problem, string field)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no 'errors' in {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"'errors' should name '{field}': {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> names some field with a message.</summary>
    public static void NamesSomeField(JsonElement problem)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no 'errors' in {problem}");
        var fields = errors.EnumerateObject().ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Value[0].GetString())));
    }
}
