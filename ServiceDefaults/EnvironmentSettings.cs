using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Configuration;

namespace LlmOrleans.ServiceDefaults;

/// <summary>
/// Reads the shared settings from the environment names users know. Hosts need them while building
/// (before the container exists), so these are plain readers, also used to bind the options.
/// </summary>
public static class EnvironmentSettings
{
    /// <summary>
    /// Redis location and credentials from <c>REDIS_HOST</c>, <c>REDIS_PORT</c>, <c>REDIS_USER</c>, <c>REDIS_PASSWORD</c>,
    /// <c>REDIS_SSL</c>, <c>REDIS_SSL_HOST</c>, <c>REDIS_CA_FILE</c>.
    /// </summary>
    public static RedisOptions GetRedisOptions(this IConfiguration configuration)
    {
        var options = new RedisOptions();
        configuration.BindRedisOptions(options);
        return options;
    }

    /// <summary>Cluster identity from <c>ORLEANS_CLUSTER_ID</c> and <c>ORLEANS_SERVICE_ID</c>.</summary>
    public static ClusterIdentityOptions GetClusterIdentity(this IConfiguration configuration)
    {
        var options = new ClusterIdentityOptions();
        configuration.BindClusterIdentity(options);
        return options;
    }

    internal static void BindRedisOptions(this IConfiguration configuration, RedisOptions options)
    {
        options.Host = configuration["REDIS_HOST"] ?? options.Host;
        options.Port = configuration.GetValue("REDIS_PORT", options.Port);
        options.User = configuration["REDIS_USER"] ?? options.User;
        options.Password = configuration["REDIS_PASSWORD"] ?? options.Password;
        options.Ssl = configuration.GetValue("REDIS_SSL", options.Ssl);
        options.SslHost = configuration["REDIS_SSL_HOST"] ?? options.SslHost;
        options.CaFile = configuration["REDIS_CA_FILE"] ?? options.CaFile;
    }

    internal static void BindClusterIdentity(this IConfiguration configuration, ClusterIdentityOptions options)
    {
        options.ClusterId = configuration["ORLEANS_CLUSTER_ID"] ?? options.ClusterId;
        options.ServiceId = configuration["ORLEANS_SERVICE_ID"] ?? options.ServiceId;
    }
}
