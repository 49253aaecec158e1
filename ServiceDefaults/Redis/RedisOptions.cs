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

    /// <summary>Password (<c>REDIS_PASSWORD</c>); from the environment only, never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Use TLS (<c>REDIS_SSL</c>).</summary>
    public bool Ssl { get; set; }

    /// <summary>
    /// Connection settings that survive outages: never give up at start-up, keep reconnecting, and
    /// fail commands after a bounded time instead of hanging.
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { Host, Port } },
            Password = Password,
            Ssl = Ssl,
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
            ClientName = "llm-orleans",
        };
        return options;
    }
}
