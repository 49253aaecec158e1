using System.Security.Cryptography;
using System.Text;

namespace LlmOrleans.Gateway.Security;

/// <summary>A validated API key: who it is, what it may do and its limits.</summary>
public sealed record ApiKey(
    string Id,
    string Tenant,
    string Sha256,
    IReadOnlySet<string> Scopes,
    double? RequestsPerSecond,
    int Burst,
    int? MaxInFlight,
    IReadOnlySet<string>? Providers,
    IReadOnlySet<string>? Models,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>Hex SHA-256 of a presented key, the form keys are stored in.</summary>
    public static string Hash(string presentedKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)));

    /// <summary>The key as configured, or the first problem with the entry.</summary>
    public static ApiKey? From(ApiKeyEntry entry, out string? error)
    {
        error = Check(entry);
        if (error is not null)
        {
            return null;
        }

        var rate = entry.RequestsPerSecond;
        return new ApiKey(
            entry.Id!,
            entry.Tenant ?? entry.Id!,
            entry.Sha256!.ToLowerInvariant(),
            (entry.Scopes ?? [.. Security.Scopes.Default]).ToHashSet(StringComparer.Ordinal),
            rate,
            entry.Burst ?? (rate is { } r ? Math.Max(1, (int)Math.Ceiling(r)) : 1),
            entry.MaxInFlight,
            entry.Providers?.Select(p => p.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            entry.Models?.Select(m => m.Trim()).ToHashSet(StringComparer.Ordinal),
            entry.ExpiresAt);
    }

    private static string? Check(ApiKeyEntry entry) => entry switch
    {
        { Id: null or "" } => "'id' is required.",
        { Id.Length: > 128 } => "'id' must be at most 128 characters.",
        { Tenant: { Length: 0 or > 128 } } => "'tenant' must be 1 to 128 characters.",
        { Sha256: null } => "'sha256' is required: the hex SHA-256 of the key, never the key itself.",
        _ when entry.Sha256.Length != 64 || !entry.Sha256.All(char.IsAsciiHexDigit) =>
            "'sha256' must be 64 hex digits (the SHA-256 of the key).",
        { Scopes: { } scopes } when scopes.FirstOrDefault(s => !Security.Scopes.All.Contains(s)) is { } unknown =>
            $"'scopes' has unknown scope '{unknown}'; known: {string.Join(", ", Security.Scopes.All)}.",
        { RequestsPerSecond: <= 0 } => "'requests_per_second' must be positive.",
        { Burst: < 1 } => "'burst' must be at least 1.",
        { MaxInFlight: < 1 } => "'max_in_flight' must be at least 1.",
        _ => null,
    };

    /// <summary>Whether the key may run jobs on <paramref name="provider"/>.</summary>
    public bool AllowsProvider(string provider) => Providers is null || Providers.Contains(provider);

    /// <summary>Whether the key may run jobs on <paramref name="model"/>.</summary>
    public bool AllowsModel(string model) => Models is null || Models.Contains(model);
}
