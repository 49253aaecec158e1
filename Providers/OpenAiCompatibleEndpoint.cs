namespace LlmOrleans.Providers;

/// <summary>
/// An OpenAI-compatible provider as configured. <paramref name="KeyVariable"/> names the setting that must hold
/// the key; null for endpoints that need no key.
/// </summary>
internal sealed record OpenAiCompatibleEndpoint(string Name, Uri? BaseUrl, string? ApiKey, string? KeyVariable)
{
    public bool IsConfigured => KeyVariable is null || !string.IsNullOrWhiteSpace(ApiKey);

    public static IEnumerable<OpenAiCompatibleEndpoint> From(LlmProviderOptions options)
    {
        yield return new("groq", new Uri(options.GroqBaseUrl), options.GroqApiKey, "GROQ_API_KEY");
        yield return new("openai", options.OpenAiBaseUrl is { } url ? new Uri(url) : null, options.OpenAiApiKey, "OPENAI_API_KEY");
        foreach (var (name, endpoint) in options.Endpoints)
        {
            yield return new(name, new Uri(endpoint.BaseUrl!), endpoint.ApiKey, endpoint.ApiKey is null ? endpoint.ApiKeyVariable : null);
        }
    }
}
