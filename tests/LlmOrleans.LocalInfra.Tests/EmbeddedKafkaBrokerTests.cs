using System.Diagnostics;
using Confluent.Kafka;

namespace LlmOrleans.LocalInfra.Tests;

public sealed class EmbeddedKafkaBrokerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Broker_WithTopicCreated_DeliversProducedMessagesToAConsumerGroup()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic("jobs", partitions: 4);
        var keys = Enumerable.Range(0, 100).Select(i => $"key-{i:D3}").ToList();

        await ProduceAsync(broker.BootstrapServers, "jobs", keys);
        using var consumer = CreateConsumer(broker.BootstrapServers, "workers");
        consumer.Subscribe("jobs");
        var received = ConsumeUntil(consumer, keys.Count);
        consumer.Close();

        Assert.Equal(keys, received.Select(r => r.Message.Key).Order());
        Assert.Equal(4, received.Select(r => r.Partition.Value).Distinct().Count());
    }

    [Fact]
    public async Task Broker_CommittedOffsets_SurviveConsumerRestart()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic("jobs", partitions: 1);
        var keys = Enumerable.Range(0, 20).Select(i => $"key-{i:D3}").ToList();
        await ProduceAsync(broker.BootstrapServers, "jobs", keys);

        using (var first = CreateConsumer(broker.BootstrapServers, "workers"))
        {
            first.Subscribe("jobs");
            var firstHalf = ConsumeUntil(first, 10);
            Assert.Equal(10, firstHalf.Count);
            first.Commit(firstHalf[^1]);
            first.Close();
        }

        using var second = CreateConsumer(broker.BootstrapServers, "workers");
        second.Subscribe("jobs");
        var secondHalf = ConsumeUntil(second, 10);
        second.Close();

        Assert.Equal(10, secondHalf[0].Offset.Value);
        Assert.Equal(keys[10..], secondHalf.Select(r => r.Message.Key));
    }

    [Fact]
    public async Task Brokers_StartedSideBySide_WorkIndependently()
    {
        using var brokerA = EmbeddedKafkaBroker.Start();
        using var brokerB = EmbeddedKafkaBroker.Start();
        brokerA.CreateTopic("jobs", partitions: 1);
        brokerB.CreateTopic("jobs", partitions: 1);

        await ProduceAsync(brokerA.BootstrapServers, "jobs", ["from-a"]);
        await ProduceAsync(brokerB.BootstrapServers, "jobs", ["from-b-1", "from-b-2"]);

        Assert.NotEqual(brokerA.BootstrapServers, brokerB.BootstrapServers);
        Assert.Equal(["from-a"], ReadPartitionZero(brokerA.BootstrapServers, expected: 1));
        Assert.Equal(["from-b-1", "from-b-2"], ReadPartitionZero(brokerB.BootstrapServers, expected: 2));

        brokerA.Dispose();
        await ProduceAsync(brokerB.BootstrapServers, "jobs", ["from-b-3"]);
        Assert.Equal(3, ReadPartitionZero(brokerB.BootstrapServers, expected: 3).Count);
    }

    [Fact]
    public void CreateTopic_ForExistingTopic_KeepsItWithoutThrowing()
    {
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 3);
        broker.CreateTopic("jobs", partitions: 4);

        broker.CreateTopic("jobs", partitions: 2);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var topic = Assert.Single(admin.GetMetadata("jobs", Deadline).Topics);
        Assert.Equal(4, topic.Partitions.Count);
        Assert.Equal(3, broker.BootstrapServers.Split(',').Length);
    }

    private static async Task ProduceAsync(string bootstrapServers, string topic, IReadOnlyList<string> keys)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All, EnableIdempotence = true };
        using var producer = new ProducerBuilder<string, string>(config).Build();
        var results = await Task.WhenAll(keys.Select(key =>
            producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = $"value of {key}" })));
        Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
    }

    private static IConsumer<string, string> CreateConsumer(string bootstrapServers, string groupId) =>
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

    private static List<ConsumeResult<string, string>> ConsumeUntil(IConsumer<string, string> consumer, int count)
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

    private static List<string> ReadPartitionZero(string bootstrapServers, int expected)
    {
        using var consumer = CreateConsumer(bootstrapServers, "readers");
        var partition = new TopicPartition("jobs", 0);
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var keys = ConsumeUntil(consumer, expected).Select(r => r.Message.Key).ToList();
        Assert.Equal(expected, consumer.QueryWatermarkOffsets(partition, Deadline).High.Value);
        return keys;
    }
}
