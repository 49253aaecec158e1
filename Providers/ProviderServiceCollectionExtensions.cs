using System.Globalization;
using System.Net;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmOrleans.Providers;

/// <summary>Registers the LLM provider clients the grains resolve through <see cref="ILlmClientRegistry"/>.</summary>
public static class ProviderServiceCollectionExtensions
{
    internal const string HttpClientName = "LlmOrleans.Providers";

    /// <summary>
    /// Binds <see cref="LlmProviderOptions"/> from the section <c>Llm</c> and the variables <c>GROQ_API_KEY</c>,
    /// <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c> and <c>ECHO_LATENCY_MS</c> (which win), validates them at
    /// start-up and registers <see cref="ILlmClientRegistry"/> with one pooled HTTP connection handler.
    /// </summary>
    public static IServiceCollection AddLlmProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmProviderOptions>()
            .Bind(configuration.GetSection("Llm"))
            .Configure(options => ApplyEnvironment(options, configuration))
            .ValidateDataAnnotations()
            .Validate(_ => IsValidLatency(configuration["ECHO_LATENCY_MS"]),
                "ECHO_LATENCY_MS must be a whole number of milliseconds.")
            .ValidateOnStart();

        // The registry keeps one HttpClient for the process lifetime: the handler is never rotated, and
        // PooledConnectionLifetime picks up DNS changes instead. Timeouts come from the caller's token.
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                ConnectTimeout = TimeSpan.FromSeconds(15),
                AutomaticDecompression = DecompressionMethods.All,
                EnableMultipleHttp2Connections = true,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILlmClientRegistry, LlmClientRegistry>();
        return services;
    }

    private static void ApplyEnvironment(LlmProviderOptions options, IConfiguration configuration)
    {
        options.GroqApiKey = configuration["GROQ_API_KEY"] ?? options.GroqApiKey;
        options.OpenAiApiKey = configuration["OPENAI_API_KEY"] ?? options.OpenAiApiKey;
        options.OpenAiBaseUrl = configuration["OPENAI_BASE_URL"] ?? options.OpenAiBaseUrl;
        if (int.TryParse(configuration["ECHO_LATENCY_MS"], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            options.EchoLatency = TimeSpan.FromMilliseconds(milliseconds);
        }

        foreach (var endpoint in options.Endpoints.Values)
        {
            if (endpoint is { ApiKey: null, ApiKeyVariable: { Length: > 0 } variable })
            {
                endpoint.ApiKey = configuration[variable];
            }
        }
    }

    private static bool IsValidLatency(string? value) =>
        value is null || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
