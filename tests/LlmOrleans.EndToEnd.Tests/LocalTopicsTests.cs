using Confluent.Kafka;
using LlmOrleans.Local;
using LlmOrleans.LocalInfra;
using LlmOrleans.Testing;
using Microsoft.Extensions.Configuration;

namespace LlmOrleans.EndToEnd.Tests;

public sealed class LocalTopicsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Create_WithRetainedRecords_TrimsResultsButKeepsJobsTheSiloGroupHasNotCommitted()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        LocalTopics.Create(broker, Configuration(("KAFKA_TOPIC_PARTITIONS", "1"), (LocalTopics.RetainedRecordsKey, "5")));
        using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = "readers",
        }).Build();
        await ProduceAsync(broker.BootstrapServers, "llm.requests", 20);
        await ProduceAsync(broker.BootstrapServers, "llm.dlq", 20);

        await ProduceAsync(broker.BootstrapServers, "llm.responses", 20);
        Assert.Equal(15, await PartitionLog.TrimmedToAsync(reader, "llm.responses", 15, Timeout));
        await ProduceAsync(broker.BootstrapServers, "llm.responses", 20);
        Assert.Equal(35, await PartitionLog.TrimmedToAsync(reader, "llm.responses", 35, Timeout));

        // Two passes over every topic later: the dead letters are trimmed, the jobs nobody in llm-workers took are not.
        Assert.Equal(15, PartitionLog.Start(reader, "llm.dlq"));
        Assert.Equal(0, PartitionLog.Start(reader, "llm.requests"));
    }

    [Fact]
    public void Create_WithNegativeRetainedRecords_ThrowsNamingTheSetting()
    {
        using var broker = EmbeddedKafkaBroker.Start();

        var error = Assert.Throws<InvalidOperationException>(
            () => LocalTopics.Create(broker, Configuration((LocalTopics.RetainedRecordsKey, "-1"))));
        Assert.Contains(LocalTopics.RetainedRecordsKey, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    private static async Task ProduceAsync(string bootstrapServers, string topic, int count)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrapServers }).Build();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = $"record {i}" });
        }
    }
}
