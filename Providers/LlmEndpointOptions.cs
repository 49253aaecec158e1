using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Providers;

/// <summary>One named OpenAI-compatible endpoint (<c>Llm:Endpoints:&lt;name&gt;</c>).</summary>
public sealed class LlmEndpointOptions
{
    /// <summary>Base URL of the OpenAI-compatible API, e.g. <c>http://ollama:11434/v1</c>.</summary>
    [Required(ErrorMessage = "is required.")]
    [AbsoluteHttpUrl(ErrorMessage = "must be an absolute http or https URL.")]
    public string? BaseUrl { get; set; }

    /// <summary>API key; leave unset for endpoints that need none (Ollama). Prefer <see cref="ApiKeyVariable"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Name of the environment variable holding the API key; the endpoint is not configured while it is unset.</summary>
    public string? ApiKeyVariable { get; set; }
}
