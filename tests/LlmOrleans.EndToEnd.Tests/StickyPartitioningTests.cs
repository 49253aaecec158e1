using Confluent.Kafka;
using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using Microsoft.Extensions.Time.Testing;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>
/// The producer writes messages produced together to one partition (one batch, one fetch), moving to the next
/// partition each window; with no window the partition follows the key, as librdkafka does by default.
/// </summary>
public sealed class StickyPartitioningTests : IDisposable
{
    private const int Partitions = 4;
    private const int Messages = 40;

    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();

    public void Dispose() => _broker.Dispose();

    [Fact]
    public void Partitioner_StaysOnOnePartitionForAWindow_ThenMovesToTheNext()
    {
        var time = new FakeTimeProvider();
        var partitioner = new StickyPartitioner(TimeSpan.FromMilliseconds(10), time);

        var seen = new List<int>();
        for (var window = 0; window < 24; window++)
        {
            var here = Enumerable.Range(0, 50).Select(i => Choose(partitioner, 12, $"key-{window}-{i}")).Distinct().ToList();
            Assert.Single(here);
            seen.Add(here[0]);
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        for (var i = 1; i < seen.Count; i++)
        {
            Assert.Equal((seen[i - 1] + 1) % 12, seen[i]);
        }

        Assert.All(new[] { 1, 3, 7 }, count => Assert.InRange(Choose(partitioner, count, "k").Value, 0, count - 1));
    }

    [Fact]
    public async Task MessagesProducedTogether_LandOnOnePartition_WithTheirKeys()
    {
        var topic = CreateTopic();
        using var producer = Producer(TimeSpan.FromSeconds(1));
        var keys = Enumerable.Range(0, Messages).Select(_ => Guid.NewGuid().ToString()).ToList();

        var delivered = await Task.WhenAll(keys.Select(key => producer.ProduceAsync(topic, key, Request(key), MessagingJsonContext.Wire.JobRequestMessage)));

        // Produced within well under a second: one window, or two if the run straddled a boundary.
        var partitions = delivered.Select(d => d.Partition.Value).Distinct().ToList();
        Assert.True(partitions.Count <= 2, $"{Messages} messages written together went to partitions {string.Join(", ", partitions)}");
        Assert.Equal(keys, delivered.Select(d => d.Message.Key));
    }

    [Fact]
    public async Task WithoutAWindow_ThePartitionFollowsTheKey()
    {
        var topic = CreateTopic();
        using var producer = Producer(TimeSpan.Zero);
        var keys = Enumerable.Range(0, Messages).Select(_ => Guid.NewGuid().ToString()).ToList();

        var first = await Task.WhenAll(keys.Select(key => producer.ProduceAsync(topic, key, Request(key), MessagingJsonContext.Wire.JobRequestMessage)));
        var again = await Task.WhenAll(keys.Select(key => producer.ProduceAsync(topic, key, Request(key), MessagingJsonContext.Wire.JobRequestMessage)));

        Assert.Equal(first.Select(d => d.Partition.Value), again.Select(d => d.Partition.Value));
        Assert.True(first.Select(d => d.Partition.Value).Distinct().Count() >= 3, "40 random keys hashed to fewer than 3 of 4 partitions");
    }

    private static Partition Choose(StickyPartitioner partitioner, int count, string key) =>
        partitioner.Choose("t", count, System.Text.Encoding.UTF8.GetBytes(key), keyIsNull: false);

    private static JobRequestMessage Request(string id) => new() { RequestId = id, Provider = "echo", Model = "m", Prompt = "p" };

    private KafkaJsonProducer Producer(TimeSpan window) => TestProducers.Create(_broker.BootstrapServers, window);

    private string CreateTopic()
    {
        var topic = $"sticky-{Guid.NewGuid():N}";
        _broker.CreateTopic(topic, Partitions);
        return topic;
    }
}
