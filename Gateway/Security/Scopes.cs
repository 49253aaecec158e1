namespace LlmOrleans.Gateway.Security;

/// <summary>What an API key may do; each is also the name of the authorization policy that requires it.</summary>
public static class Scopes
{
    /// <summary>Submit jobs (<c>POST /process</c>).</summary>
    public const string Submit = "jobs:submit";

    /// <summary>Read the key's tenant's jobs (<c>GET /result/{id}</c>, the jobs page's job views).</summary>
    public const string Read = "jobs:read";

    /// <summary>Read every tenant's jobs and the cluster-wide figures on the jobs page.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope there is.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Submit, Read, Admin };

    /// <summary>What a key may do when its entry names no scopes.</summary>
    public static readonly IReadOnlyList<string> Default = [Submit, Read];
}
