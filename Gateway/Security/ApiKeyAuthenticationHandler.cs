using System.Security.Claims;
using System.Text.Encodings.Web;
using LlmOrleans.Gateway.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Security;

/// <summary>
/// Authenticates a request by the API key in <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key</c>,
/// looked up by its SHA-256. Answers 401 (no or unknown key) and 403 (key without the scope) as problem JSON.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries a key when <c>Authorization</c> does not.</summary>
    public const string KeyHeader = "X-API-Key";

    private const string ScopeClaim = "scope";

    /// <summary>
    /// The policy that lets only keys with <paramref name="scope"/> through; <c>admin</c> includes reading. It names
    /// no scheme: this one is the default and only one, and a named scheme would have the authorization middleware
    /// authenticate every request a second time and merge the principals, which costs allocations per request.
    /// </summary>
    public static AuthorizationPolicy PolicyFor(string scope) =>
        new AuthorizationPolicyBuilder()
            .RequireClaim(ScopeClaim, scope == Scopes.Read ? [Scopes.Read, Scopes.Admin] : [scope])
            .Build();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(presented) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or expired API key."));
        }

        Context.SetCaller(new Caller(key));
        var claims = key.Scopes.Select(s => new Claim(ScopeClaim, s)).Append(new Claim(ClaimTypes.Name, key.Id));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = PresentedKey() is null
            ? $"Send an API key as 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'."
            : "The API key is not known or has expired.";
        return Problems.Field(StatusCodes.Status401Unauthorized, "Unauthorized", detail, "authorization", detail)
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)
            .OfType<string>().ToList() ?? [];
        var detail = $"This API key lacks the scope this call needs: {string.Join(", ", needed)}.";
        return Problems.Field(StatusCodes.Status403Forbidden, "Forbidden", detail, "scopes", detail).ExecuteAsync(Context);
    }

    private string? PresentedKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7)
        {
            return authorization[7..].Trim();
        }

        return Request.Headers[KeyHeader].ToString() is { Length: > 0 } key ? key.Trim() : null;
    }
}
