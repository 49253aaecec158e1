namespace LlmOrleans.Gateway.Security;

/// <summary>
/// One API key as configured (in the keys file or under <c>Auth:Keys</c>): its SHA-256, never the key itself,
/// and what it may do.
/// </summary>
public sealed class ApiKeyEntry
{
    /// <summary>A name for the key, unique, shown in logs and metrics instead of the key.</summary>
    public string? Id { get; set; }

    /// <summary>Who owns the jobs the key submits; keys of one tenant see each other's jobs. Defaults to <see cref="Id"/>.</summary>
    public string? Tenant { get; set; }

    /// <summary>Hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Scopes (<see cref="Scopes"/>); when absent, submit and read.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>Requests per second this key may make through one gateway, on average; no limit when absent.</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Requests the key may make at once above its rate; defaults to one second's worth.</summary>
    public int? Burst { get; set; }

    /// <summary>Jobs of this key accepted and not yet finished, at most, across the cluster; no limit when absent.</summary>
    public int? MaxInFlight { get; set; }

    /// <summary>Providers the key may use; all when absent.</summary>
    public List<string>? Providers { get; set; }

    /// <summary>Models the key may use; all when absent.</summary>
    public List<string>? Models { get; set; }

    /// <summary>When the key stops working, for rotation; never when absent.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
