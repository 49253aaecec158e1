using System.Text;
using Confluent.Kafka;

namespace LlmOrleans.Testing;

/// <summary>Reads and writes topics directly, as another service on the same Kafka would.</summary>
public static class KafkaTopic
{
    /// <summary>Every message on <paramref name="topic"/> from the beginning to the current end.</summary>
    public static List<(string? Key, string Value)> ReadAll(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .ToList();
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        var messages = new List<(string?, string)>();
        var remaining = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (remaining.Count > 0 && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }

            messages.Add((result.Message.Key is null ? null : Encoding.UTF8.GetString(result.Message.Key),
                Encoding.UTF8.GetString(result.Message.Value ?? [])));
            if (result.Offset.Value + 1 >= ends[result.TopicPartition])
            {
                remaining.Remove(result.TopicPartition);
            }
        }

        return messages;
    }

    /// <summary>The total number of messages ever written to <paramref name="topic"/>.</summary>
    public static long Count(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"counter-{Guid.NewGuid():N}",
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value);
    }

    /// <summary>Writes many raw messages with one producer and waits until the broker acknowledged them all.</summary>
    public static async Task ProduceManyAsync(string bootstrapServers, string topic, IEnumerable<(string Key, byte[] Value)> messages)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            LingerMs = 5,
        }).Build();
        await Task.WhenAll(messages.Select(m =>
            producer.ProduceAsync(topic, new Message<string, byte[]> { Key = m.Key, Value = m.Value })));
    }

    /// <summary>Writes one raw message and waits for the broker's acknowledgement.</summary>
    public static async Task ProduceAsync(string bootstrapServers, string topic, string? key, byte[] value, int? partition = null)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            MessageMaxBytes = 16 * 1024 * 1024,
        }).Build();
        var message = new Message<byte[]?, byte[]> { Key = key is null ? null : Encoding.UTF8.GetBytes(key), Value = value };
        await (partition is { } p
            ? producer.ProduceAsync(new TopicPartition(topic, p), message)
            : producer.ProduceAsync(topic, message));
    }

    /// <summary>
    /// Writes each message to its own partition, in order, with one producer, and returns where each landed.
    /// Values may be anything up to the topic's limit; keys, values and header values may be null.
    /// </summary>
    public static async Task<IReadOnlyList<TopicPartitionOffset>> ProduceRawAsync(
        string bootstrapServers, string topic, IReadOnlyList<(int Partition, Message<byte[]?, byte[]?> Message)> messages)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            MessageMaxBytes = 16 * 1024 * 1024,
        }).Build();
        var delivered = await Task.WhenAll(messages.Select(m =>
            producer.ProduceAsync(new TopicPartition(topic, m.Partition), m.Message)));
        return [.. delivered.Select(d => d.TopicPartitionOffset)];
    }

    /// <summary>The next offset to be written on each partition of <paramref name="topic"/>.</summary>
    public static IReadOnlyDictionary<int, long> EndOffsets(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"ends-{Guid.NewGuid():N}",
        }).Build();
        return Partitions(bootstrapServers, topic).ToDictionary(
            p => p.Partition.Value,
            p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
    }

    /// <summary>The offsets <paramref name="groupId"/> has committed on each partition of <paramref name="topic"/> (-1001 when none).</summary>
    public static IReadOnlyDictionary<int, long> CommittedOffsets(string bootstrapServers, string groupId, string topic)
    {
        // Only asks the group coordinator; never joins the group, so the members keep their partitions.
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = false,
        }).Build();
        return consumer.Committed(Partitions(bootstrapServers, topic), TimeSpan.FromSeconds(10))
            .ToDictionary(p => p.Partition.Value, p => p.Offset.Value);
    }

    private static List<TopicPartition> Partitions(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return [.. admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))];
    }
}
