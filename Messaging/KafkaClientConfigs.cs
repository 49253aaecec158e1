using System.Globalization;
using Confluent.Kafka;

namespace LlmOrleans.Messaging;

/// <summary>Client configurations built from <see cref="KafkaOptions"/>, so every client shares one set of settings.</summary>
public static class KafkaClientConfigs
{
    /// <summary>Largest message we write or read: room for a maximal prompt and its JSON envelope.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>
    /// A producer that only reports success once every in-sync replica has the message (acks=all) and
    /// never writes duplicates on its own retries (idempotence).
    /// </summary>
    public static ProducerConfig Producer(KafkaOptions options, string clientId)
    {
        var config = new ProducerConfig(Common(options, clientId))
        {
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageMaxBytes = MaxMessageBytes,
            MessageTimeoutMs = (int)options.ProduceTimeout.TotalMilliseconds,
            RequestTimeoutMs = (int)Math.Min(options.ProduceTimeout.TotalMilliseconds, 30_000),
        };

        // Not LingerMs: Confluent.Kafka writes a double in the current culture, and librdkafka refuses "0,2".
        config.Set("linger.ms", options.Linger.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
        return config;
    }

    /// <summary>A group member whose offsets are stored by the application, never automatically.</summary>
    public static ConsumerConfig Consumer(KafkaOptions options, string clientId) =>
        new(Common(options, clientId))
        {
            GroupId = options.GroupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
            EnableAutoOffsetStore = false,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            FetchMaxBytes = MaxMessageBytes * 2,
            SessionTimeoutMs = (int)options.SessionTimeout.TotalMilliseconds,
            FetchWaitMaxMs = (int)options.FetchWaitMax.TotalMilliseconds,
            HeartbeatIntervalMs = (int)(options.SessionTimeout.TotalMilliseconds / 3),
        };

    /// <summary>Settings for admin and metadata calls.</summary>
    public static AdminClientConfig Admin(KafkaOptions options, string clientId) => new(Common(options, clientId));

    private static ClientConfig Common(KafkaOptions options, string clientId)
    {
        var config = new ClientConfig(new Dictionary<string, string>(options.Client))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
        };
        return config;
    }
}
