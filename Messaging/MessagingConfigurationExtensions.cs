using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging;

/// <summary>Binds the Kafka settings from the environment names users know (<c>KAFKA_BOOTSTRAP_SERVERS</c>, …).</summary>
public static class MessagingConfigurationExtensions
{
    /// <summary>Registers validated <see cref="KafkaOptions"/> and <see cref="JobRequestLimits"/>.</summary>
    public static IServiceCollection AddKafkaOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>()
            .Bind(configuration.GetSection("Kafka"))
            .Configure(o =>
            {
                o.BootstrapServers = configuration["KAFKA_BOOTSTRAP_SERVERS"] ?? o.BootstrapServers;
                o.RequestTopic = configuration["REQUEST_TOPIC"] ?? o.RequestTopic;
                o.ResponseTopic = configuration["RESPONSE_TOPIC"] ?? o.ResponseTopic;
                o.DlqTopic = configuration["DLQ_TOPIC"] ?? o.DlqTopic;
                o.GroupId = configuration["KAFKA_GROUP_ID"] ?? o.GroupId;
                o.TopicPartitions = configuration.GetValue("KAFKA_TOPIC_PARTITIONS", o.TopicPartitions);
                o.ReplicationFactor = configuration.GetValue("KAFKA_REPLICATION_FACTOR", o.ReplicationFactor);
                o.SessionTimeout = Milliseconds(configuration, "KAFKA_SESSION_TIMEOUT_MS", o.SessionTimeout);
                o.FetchWaitMax = Milliseconds(configuration, "KAFKA_FETCH_WAIT_MAX_MS", o.FetchWaitMax);
                o.ProduceTimeout = Milliseconds(configuration, "KAFKA_PRODUCE_TIMEOUT_MS", o.ProduceTimeout);
                o.Linger = Milliseconds(configuration, "KAFKA_LINGER_MS", o.Linger);
                o.StickyPartitionWindow = Milliseconds(configuration, "KAFKA_STICKY_PARTITION_MS", o.StickyPartitionWindow);
                KafkaSecuritySettings.Apply(configuration, o);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaSecuritySettings>());

        services.AddOptions<JobRequestLimits>()
            .Configure(o => o.MaxPromptBytes = configuration.GetValue("MAX_PROMPT_BYTES", o.MaxPromptBytes))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>A duration given in milliseconds under <paramref name="name"/>, or <paramref name="current"/>.</summary>
    private static TimeSpan Milliseconds(IConfiguration configuration, string name, TimeSpan current) =>
        TimeSpan.FromMilliseconds(configuration.GetValue(name, current.TotalMilliseconds));
}
