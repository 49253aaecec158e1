using System.Collections.Frozen;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Providers;

/// <summary>
/// The providers this process knows: <c>echo</c>, <c>groq</c>, <c>openai</c> and every configured endpoint.
/// Names are case-insensitive; each client is built on first use and then shared.
/// </summary>
public sealed class LlmClientRegistry : ILlmClientRegistry
{
    private readonly FrozenDictionary<string, Lazy<IChatClient>> _clients;
    private readonly FrozenDictionary<string, string> _missingKeys;

    /// <summary>Creates the registry from validated options; no client is built yet.</summary>
    public LlmClientRegistry(IOptions<LlmProviderOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        var settings = options.Value;
        var endpoints = OpenAiCompatibleEndpoint.From(settings).ToList();
        var scrubber = new SecretScrubber(endpoints.Select(endpoint => endpoint.ApiKey));
        var httpClient = httpClientFactory.CreateClient(ProviderServiceCollectionExtensions.HttpClientName);

        var clients = endpoints
            .Where(endpoint => endpoint.IsConfigured)
            .ToDictionary(
                endpoint => endpoint.Name,
                endpoint => new Lazy<IChatClient>(() => OpenAiCompatibleChatClient.Create(endpoint, httpClient, scrubber, timeProvider)));
        clients["echo"] = new Lazy<IChatClient>(() => new EchoChatClient(settings.EchoLatency, timeProvider));
        _clients = clients.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _missingKeys = endpoints
            .Where(endpoint => !endpoint.IsConfigured)
            .ToFrozenDictionary(endpoint => endpoint.Name, endpoint => endpoint.KeyVariable!, StringComparer.OrdinalIgnoreCase);

        ProviderNames = LlmProviderOptions.BuiltInProviders
            .Concat(settings.Endpoints.Keys.Order(StringComparer.Ordinal))
            .ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> ProviderNames { get; }

    /// <inheritdoc />
    public IChatClient GetClient(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (_clients.TryGetValue(provider, out var client))
        {
            return client.Value;
        }

        if (_missingKeys.TryGetValue(provider, out var variable))
        {
            throw new LlmProviderException(
                $"Provider '{provider.ToLowerInvariant()}' is not configured: set {variable}", isTransient: false);
        }

        throw new LlmProviderException(
            $"Unknown provider '{provider}'; known providers: {string.Join(", ", ProviderNames)}", isTransient: false);
    }
}
