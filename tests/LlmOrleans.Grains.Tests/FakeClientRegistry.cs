using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;

namespace LlmOrleans.Grains.Tests;

/// <summary>Knows one provider, <c>scripted</c>; any other name fails permanently, as the real registry does.</summary>
public sealed class FakeClientRegistry(ScriptedChatClient client) : ILlmClientRegistry
{
    public const string ProviderName = "scripted";

    public IReadOnlyCollection<string> ProviderNames { get; } = [ProviderName];

    public IChatClient GetClient(string provider) =>
        provider == ProviderName
            ? client
            : throw new LlmProviderException(
                $"Unknown provider '{provider}'; known providers: {string.Join(", ", ProviderNames)}", isTransient: false);
}
