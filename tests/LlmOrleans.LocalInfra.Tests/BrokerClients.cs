using System.Diagnostics;
using Confluent.Kafka;

namespace LlmOrleans.LocalInfra.Tests;

/// <summary>Plain Confluent.Kafka clients of an embedded broker, as the tests use them.</summary>
internal static class BrokerClients
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task ProduceAsync(string bootstrapServers, string topic, IReadOnlyList<string> keys)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All, EnableIdempotence = true };
        using var producer = new ProducerBuilder<string, string>(config).Build();
        var results = await Task.WhenAll(keys.Select(key =>
            producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = $"value of {key}" })));
        Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
    }

    public static IConsumer<string, string> CreateConsumer(string bootstrapServers, string groupId) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            EnableAutoCommit = false,
            // The mock holds a group whose last member left in rebalance for session.timeout.ms - 1 s
            // before a new member is admitted; 6 s is the smallest value a real broker accepts.
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
        }).Build();

    public static List<ConsumeResult<string, string>> ConsumeUntil(IConsumer<string, string> consumer, int count)
    {
        var received = new List<ConsumeResult<string, string>>();
        var clock = Stopwatch.StartNew();
        while (received.Count < count && clock.Elapsed < Deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                received.Add(result);
            }
        }

        return received;
    }
}
