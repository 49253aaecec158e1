using Confluent.Kafka;
using static LlmOrleans.LocalInfra.Tests.BrokerClients;

namespace LlmOrleans.LocalInfra.Tests;

public sealed class EmbeddedKafkaBrokerTests
{
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
