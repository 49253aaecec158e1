using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Gateway.Security;

/// <summary>Who may call the gateway: the mode, where the API keys are, and how keys' quotas are kept.</summary>
public sealed class AuthOptions
{
    /// <summary><c>AUTH_MODE</c>: <c>api-keys</c> (default) or <c>none</c>.</summary>
    public AuthMode Mode { get; set; } = AuthMode.ApiKeys;

    /// <summary>JSON file of hashed keys (<c>API_KEYS_FILE</c>), re-read while running so keys rotate without a restart.</summary>
    public string? KeysFile { get; set; }

    /// <summary>How often the keys file is re-read (<c>API_KEYS_RELOAD_SECONDS</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a job holds its place in its key's in-flight quota at most (<c>IN_FLIGHT_LEASE_SECONDS</c>), in case
    /// its release is lost; set it above the longest a job runs.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Keys from configuration (<c>Auth:Keys</c>), besides those in <see cref="KeysFile"/>.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];
}
