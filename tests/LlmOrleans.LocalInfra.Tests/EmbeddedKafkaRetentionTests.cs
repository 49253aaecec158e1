using Confluent.Kafka;
using LlmOrleans.Testing;
using static LlmOrleans.LocalInfra.Tests.BrokerClients;

namespace LlmOrleans.LocalInfra.Tests;

public sealed class EmbeddedKafkaRetentionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TopicWithRetention_KeepsOnlyTheNewestRecordsOfEachPartition()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic("results", partitions: 1, new TopicRetention(Records: 10));
        using var reader = CreateConsumer(broker.BootstrapServers, "readers");

        await ProduceAsync(broker.BootstrapServers, "results", Keys(100));

        Assert.Equal(90, await PartitionLog.TrimmedToAsync(reader, "results", 90, Timeout));
        reader.Assign(new TopicPartitionOffset("results", 0, Offset.Beginning));
        var kept = ConsumeUntil(reader, 10);
        Assert.Equal(Keys(100)[90..], kept.Select(r => r.Message.Key));
    }

    [Fact]
    public async Task TopicWithRetentionForAGroup_DeletesOnlyWhatTheGroupCommittedPast()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic("jobs", partitions: 1, new TopicRetention(Records: 10, ConsumerGroup: "workers"));
        broker.CreateTopic("results", partitions: 1, new TopicRetention(Records: 10));
        using var reader = CreateConsumer(broker.BootstrapServers, "readers");
        await ProduceAsync(broker.BootstrapServers, "jobs", Keys(100));

        // Two passes over every topic after the jobs were written, seen on the unprotected topic.
        await ProduceAsync(broker.BootstrapServers, "results", Keys(100));
        Assert.Equal(90, await PartitionLog.TrimmedToAsync(reader, "results", 90, Timeout));
        await ProduceAsync(broker.BootstrapServers, "results", Keys(100));
        Assert.Equal(190, await PartitionLog.TrimmedToAsync(reader, "results", 190, Timeout));
        Assert.Equal(0, PartitionLog.Start(reader, "jobs"));

        using var worker = CreateConsumer(broker.BootstrapServers, "workers");
        worker.Subscribe("jobs");
        var firstThirty = ConsumeUntil(worker, 30);
        worker.Commit(firstThirty[^1]);
        Assert.Equal(30, await PartitionLog.TrimmedToAsync(reader, "jobs", 30, Timeout));

        var rest = ConsumeUntil(worker, 70);
        worker.Commit(rest[^1]);
        Assert.Equal(90, await PartitionLog.TrimmedToAsync(reader, "jobs", 90, Timeout));
        worker.Close();
    }

    [Fact]
    public void CreateTopic_WithRetentionOfNoRecords_Throws()
    {
        using var broker = EmbeddedKafkaBroker.Start();

        Assert.Throws<ArgumentOutOfRangeException>(() => broker.CreateTopic("jobs", 1, new TopicRetention(Records: 0)));
    }

    private static List<string> Keys(int count) => [.. Enumerable.Range(0, count).Select(i => $"key-{i:D3}")];
}
