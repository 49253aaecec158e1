using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>Where Redis is: job state, cluster membership, reminders and the gateway's queued-job index.</summary>
public sealed class RedisOptions
{
    /// <summary>Host name or address (<c>REDIS_HOST</c>).</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    /// <summary>Port (<c>REDIS_PORT</c>).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 6379;

    /// <summary>ACL user name (<c>REDIS_USER</c>); the default user when unset.</summary>
    public string? User { get; set; }

    /// <summary>Password (<c>REDIS_PASSWORD</c>); from the environment only, never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Use TLS (<c>REDIS_SSL</c>).</summary>
    public bool Ssl { get; set; }

    /// <summary>The name the server's certificate must carry, when it is not <see cref="Host"/> (<c>REDIS_SSL_HOST</c>).</summary>
    public string? SslHost { get; set; }

    /// <summary>
    /// PEM file of the certificate authority that signed the server's certificate (<c>REDIS_CA_FILE</c>), for a
    /// private CA; the system's trusted roots when unset.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Connection settings that survive outages: never give up at start-up, keep reconnecting, and
    /// fail commands after a bounded time instead of hanging.
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { Host, Port } },
            User = User,
            Password = Password,
            Ssl = Ssl,
            SslHost = SslHost,
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
            ClientName = "llm-orleans",
        };
        if (CaFile is { Length: > 0 })
        {
            options.TrustIssuer(CaFile);
        }

        return options;
    }
}
