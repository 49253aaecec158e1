using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Security;

/// <summary>
/// <c>AUTH_MODE=none</c>: every request is the <see cref="Caller.Local"/> caller, with every scope. The
/// gateway logs a warning at start-up that this is on.
/// </summary>
public sealed class LocalAccessHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    private static readonly ClaimsPrincipal Everyone = new(new ClaimsIdentity(
        Scopes.All.Select(s => new Claim("scope", s)).Append(new Claim(ClaimTypes.Name, "local")),
        ApiKeyAuthenticationHandler.SchemeName));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Context.SetCaller(Caller.Local);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Everyone, Scheme.Name)));
    }
}
