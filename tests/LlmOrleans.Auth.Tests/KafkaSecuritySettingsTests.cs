using LlmOrleans.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Auth.Tests;

public sealed class KafkaSecuritySettingsTests
{
    private const string Password = "kafka-secret-pw-123";

    [Fact]
    public void SaslSsl_FromEnvironmentNames_ReachesEveryClientConfig()
    {
        var options = Options(new()
        {
            ["KAFKA_SECURITY_PROTOCOL"] = "SASL_SSL",
            ["KAFKA_SASL_MECHANISM"] = "SCRAM-SHA-512",
            ["KAFKA_SASL_USERNAME"] = "llm",
            ["KAFKA_SASL_PASSWORD"] = Password,
            ["KAFKA_SSL_CA_LOCATION"] = "/etc/kafka/ca.pem",
        }).Value;

        var producer = KafkaClientConfigs.Producer(options, "p");
        var consumer = KafkaClientConfigs.Consumer(options, "c");
        var admin = KafkaClientConfigs.Admin(options, "a");

        foreach (var config in new Confluent.Kafka.ClientConfig[] { producer, consumer, admin })
        {
            Assert.Equal("SASL_SSL", config.Get("security.protocol"));
            Assert.Equal("SCRAM-SHA-512", config.Get("sasl.mechanism"));
            Assert.Equal("llm", config.SaslUsername);
            Assert.Equal(Password, config.SaslPassword);
            Assert.Equal("/etc/kafka/ca.pem", config.SslCaLocation);
        }
    }

    [Fact]
    public void Librdkafka_AcceptsTheSettingsAsUsersWriteThem()
    {
        var options = Options(new()
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:1",
            ["KAFKA_SECURITY_PROTOCOL"] = "SASL_SSL",
            ["KAFKA_SASL_MECHANISM"] = "SCRAM-SHA-256",
            ["KAFKA_SASL_USERNAME"] = "llm",
            ["KAFKA_SASL_PASSWORD"] = Password,
        }).Value;

        using var producer = new Confluent.Kafka.ProducerBuilder<byte[], byte[]>(KafkaClientConfigs.Producer(options, "p")).Build();

        Assert.NotNull(producer.Name);
    }

    [Theory]
    [InlineData("KAFKA_SECURITY_PROTOCOL", "tls", null, null)]
    [InlineData("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT", "KAFKA_SASL_PASSWORD", Password)]
    [InlineData("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "PLAIN")]
    public void AHalfConfiguredSetUp_FailsAtStartUp_WithoutShowingTheSecret(string name, string value, string? other, string? otherValue)
    {
        var settings = new Dictionary<string, string?> { [name] = value };
        if (other is not null)
        {
            settings[other] = otherValue;
        }

        var error = Assert.Throws<OptionsValidationException>(() => Options(settings).Value);

        Assert.Contains("KAFKA_", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    private static IOptions<KafkaOptions> Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddKafkaOptions(configuration).BuildServiceProvider().GetRequiredService<IOptions<KafkaOptions>>();
    }
}
