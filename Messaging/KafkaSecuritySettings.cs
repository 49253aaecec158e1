using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging;

/// <summary>
/// Kafka transport security by plain environment names (<c>KAFKA_SECURITY_PROTOCOL</c>, <c>KAFKA_SASL_*</c>,
/// <c>KAFKA_SSL_*</c>), mapped onto librdkafka's properties in <see cref="KafkaOptions.Client"/>, and checked at
/// start-up so a half-configured SASL or TLS set-up fails fast instead of at the first connection.
/// </summary>
public sealed class KafkaSecuritySettings : IValidateOptions<KafkaOptions>
{
    /// <summary>Environment name → librdkafka property.</summary>
    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
    {
        ["KAFKA_SECURITY_PROTOCOL"] = "security.protocol",
        ["KAFKA_SASL_MECHANISM"] = "sasl.mechanism",
        ["KAFKA_SASL_USERNAME"] = "sasl.username",
        ["KAFKA_SASL_PASSWORD"] = "sasl.password",
        ["KAFKA_SSL_CA_LOCATION"] = "ssl.ca.location",
        ["KAFKA_SSL_CERTIFICATE_LOCATION"] = "ssl.certificate.location",
        ["KAFKA_SSL_KEY_LOCATION"] = "ssl.key.location",
        ["KAFKA_SSL_KEY_PASSWORD"] = "ssl.key.password",
    };

    private static readonly HashSet<string> Protocols = new(StringComparer.OrdinalIgnoreCase) { "plaintext", "ssl", "sasl_plaintext", "sasl_ssl" };

    /// <summary>Copies every set variable into <paramref name="options"/>' client properties.</summary>
    public static void Apply(IConfiguration configuration, KafkaOptions options)
    {
        foreach (var (variable, property) in Properties)
        {
            if (configuration[variable] is { Length: > 0 } value)
            {
                options.Client[property] = value;
            }
        }
    }

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var client = options.Client;
        var protocol = client.GetValueOrDefault("security.protocol", "plaintext");
        var sasl = protocol.StartsWith("sasl_", StringComparison.OrdinalIgnoreCase);
        var failures = new List<string>();
        if (!Protocols.Contains(protocol))
        {
            failures.Add($"KAFKA_SECURITY_PROTOCOL must be one of {string.Join(", ", Protocols)}, got '{protocol}'.");
        }

        if (!sasl && (client.ContainsKey("sasl.username") || client.ContainsKey("sasl.password")))
        {
            failures.Add($"KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SECURITY_PROTOCOL is '{protocol}': use SASL_SSL.");
        }

        var mechanism = client.GetValueOrDefault("sasl.mechanism", "GSSAPI");
        var needsPassword = mechanism.StartsWith("PLAIN", StringComparison.OrdinalIgnoreCase)
            || mechanism.StartsWith("SCRAM", StringComparison.OrdinalIgnoreCase);
        if (sasl && needsPassword && (!client.ContainsKey("sasl.username") || !client.ContainsKey("sasl.password")))
        {
            failures.Add($"SASL mechanism {mechanism} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD.");
        }

        // Values are never part of a message: they may be secrets.
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
