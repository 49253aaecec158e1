using Microsoft.Extensions.AI;

namespace LlmOrleans.Grains.Providers;

/// <summary>Resolves a job's provider name to the chat client that runs it.</summary>
public interface ILlmClientRegistry
{
    /// <summary>Names of every provider this process can run, e.g. <c>echo</c>, <c>groq</c>, <c>openai</c>.</summary>
    IReadOnlyCollection<string> ProviderNames { get; }

    /// <summary>
    /// The client for <paramref name="provider"/>. Throws a permanent <see cref="LlmProviderException"/>
    /// when the provider is unknown or not configured (for example its API key variable is unset).
    /// Clients translate provider failures into <see cref="LlmProviderException"/>.
    /// </summary>
    IChatClient GetClient(string provider);
}
