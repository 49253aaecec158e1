namespace LlmOrleans.Gateway.Security;

/// <summary>Who is calling: their key (null without authentication) and the tenant whose jobs they see.</summary>
public sealed record Caller(ApiKey? Key)
{
    /// <summary>The caller when authentication is off: sees everything, no limits.</summary>
    public static readonly Caller Local = new((ApiKey?)null);

    /// <summary>The tenant that owns what this caller submits; null without authentication.</summary>
    public string? Tenant => Key?.Tenant;

    /// <summary>Whether this caller sees every tenant's jobs.</summary>
    public bool IsAdmin => Key is null || Key.Scopes.Contains(Scopes.Admin);

    /// <summary>Whether a job owned by <paramref name="tenant"/> is this caller's to see.</summary>
    public bool CanSee(string? tenant) => IsAdmin || string.Equals(tenant, Tenant, StringComparison.Ordinal);
}
