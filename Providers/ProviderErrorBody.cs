using System.Text.Json;

namespace LlmOrleans.Providers;

/// <summary>The parts of an OpenAI-style error body, <c>{"error":{"message","type","code"}}</c>, that we act on.</summary>
internal sealed record ProviderErrorBody(string? Message, string? Type, string? Code)
{
    public bool IsQuotaExhausted => Type == "insufficient_quota" || Code == "insufficient_quota";

    /// <summary>Parses <paramref name="body"/>; null when it is not JSON or carries no <c>error</c>.</summary>
    public static ProviderErrorBody? TryParse(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error))
            {
                return null;
            }

            // Some OpenAI-compatible servers (Ollama) send the message as a bare string.
            return error.ValueKind switch
            {
                JsonValueKind.String => new(error.GetString(), null, null),
                JsonValueKind.Object => new(Text(error, "message"), Text(error, "type"), Text(error, "code")),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;
}
