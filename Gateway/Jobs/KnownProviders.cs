using Microsoft.Extensions.Configuration;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Provider names the silos can run: the built-ins plus every endpoint configured under
/// <c>Llm:Endpoints</c> (the same configuration the silos read), so a typo is a 400, not a failed job.
/// </summary>
public sealed class KnownProviders(IConfiguration configuration)
{
    private static readonly string[] BuiltIn = ["echo", "groq", "openai"];

    private readonly HashSet<string> _names = BuiltIn
        .Concat(configuration.GetSection("Llm:Endpoints").GetChildren().Select(c => c.Key))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Known names in order, for error messages.</summary>
    public IEnumerable<string> Names => _names.Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="provider"/> is known (case-insensitive).</summary>
    public bool Contains(string provider) => _names.Contains(provider.Trim());
}
