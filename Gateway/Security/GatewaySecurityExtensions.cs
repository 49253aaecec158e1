using LlmOrleans.Gateway.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Security;

/// <summary>Authentication by API key, a policy per scope, and per-key rate limits.</summary>
public static class GatewaySecurityExtensions
{
    /// <summary>Adds the security services; <c>AUTH_MODE=none</c> swaps key checks for <see cref="LocalAccessHandler"/>.</summary>
    public static WebApplicationBuilder AddGatewaySecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var mode = ParseMode(configuration["AUTH_MODE"]);
        builder.Services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection("Auth"))
            .Configure(o =>
            {
                o.Mode = mode;
                o.KeysFile = configuration["API_KEYS_FILE"] ?? o.KeysFile;
                o.ReloadInterval = TimeSpan.FromSeconds(configuration.GetValue("API_KEYS_RELOAD_SECONDS", o.ReloadInterval.TotalSeconds));
                o.InFlightLease = TimeSpan.FromSeconds(configuration.GetValue("IN_FLIGHT_LEASE_SECONDS", o.InFlightLease.TotalSeconds));
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddHostedService<ApiKeyReloader>();
        builder.Services.AddSingleton<JobQuotas>();

        var authentication = builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName);
        if (mode == AuthMode.None)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, LocalAccessHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        }
        else
        {
            authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        }

        builder.Services.AddAuthorization(o =>
        {
            foreach (var scope in Scopes.All)
            {
                o.AddPolicy(scope, ApiKeyAuthenticationHandler.PolicyFor(scope));
            }
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = KeyRateLimits.Create();
            o.OnRejected = KeyRateLimits.RejectAsync;
        });
        return builder;
    }

    /// <summary>Authentication, authorization and rate limiting, in that order, ahead of the endpoints.</summary>
    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static AuthMode ParseMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "api-keys" or "apikeys" => AuthMode.ApiKeys,
        "none" => AuthMode.None,
        _ => throw new OptionsValidationException(nameof(AuthOptions), typeof(AuthOptions),
            [$"AUTH_MODE must be 'api-keys' or 'none', got '{value}'."]),
    };
}
