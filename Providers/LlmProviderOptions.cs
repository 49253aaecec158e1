using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace LlmOrleans.Providers;

/// <summary>
/// Which LLM providers this process can call and how. Bound from the section <c>Llm</c> and the flat
/// environment variables named on each property; secrets come only from the environment.
/// </summary>
public sealed partial class LlmProviderOptions : IValidatableObject
{
    internal static readonly IReadOnlyList<string> BuiltInProviders = ["echo", "groq", "openai"];

    /// <summary>Groq API key (<c>GROQ_API_KEY</c>); without it the <c>groq</c> provider is not configured.</summary>
    public string? GroqApiKey { get; set; }

    /// <summary>Groq's OpenAI-compatible base URL (<c>Llm:GroqBaseUrl</c>).</summary>
    [AbsoluteHttpUrl(ErrorMessage = "Llm:GroqBaseUrl must be an absolute http or https URL.")]
    public string GroqBaseUrl { get; set; } = "https://api.groq.com/openai/v1";

    /// <summary>OpenAI API key (<c>OPENAI_API_KEY</c>); without it the <c>openai</c> provider is not configured.</summary>
    public string? OpenAiApiKey { get; set; }

    /// <summary>Overrides OpenAI's base URL (<c>OPENAI_BASE_URL</c>); the SDK default when unset.</summary>
    [AbsoluteHttpUrl(ErrorMessage = "OPENAI_BASE_URL must be an absolute http or https URL.")]
    public string? OpenAiBaseUrl { get; set; }

    /// <summary>How long the <c>echo</c> provider waits before it answers (<c>ECHO_LATENCY_MS</c>, milliseconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "ECHO_LATENCY_MS must be between 0 and 3600000.")]
    public TimeSpan EchoLatency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Further OpenAI-compatible endpoints by provider name (<c>Llm:Endpoints:&lt;name&gt;</c>), e.g. a local
    /// Ollama. Names are lowercase letters, digits, '-' or '_' and must not shadow a built-in provider.
    /// </summary>
    public Dictionary<string, LlmEndpointOptions> Endpoints { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, endpoint) in Endpoints)
        {
            var setting = $"Llm:Endpoints:{name}";
            if (!EndpointName().IsMatch(name))
            {
                yield return new($"{setting}: endpoint names must be lowercase letters, digits, '-' or '_'.", [nameof(Endpoints)]);
            }
            else if (BuiltInProviders.Contains(name))
            {
                yield return new($"{setting}: '{name}' is a built-in provider; choose another name.", [nameof(Endpoints)]);
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(endpoint, new ValidationContext(endpoint), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    yield return new($"{setting}:{member} {result.ErrorMessage}", [nameof(Endpoints)]);
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex EndpointName();
}
