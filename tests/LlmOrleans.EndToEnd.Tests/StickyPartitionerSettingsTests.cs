using System.Diagnostics;
using Confluent.Kafka;
using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;
using LlmOrleans.Testing;
using Microsoft.Extensions.Logging;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>
/// The sticky partitioner makes Confluent.Kafka replace the producer's default topic configuration; the topic-level
/// settings (here the produce timeout) must survive that, and librdkafka's warning about it must not reach the log
/// as a warning.
/// </summary>
public sealed class StickyPartitionerSettingsTests
{
    private static readonly JobRequestMessage Job = new() { RequestId = "r", Provider = "echo", Model = "m", Prompt = "p" };

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task WithOrWithoutTheStickyPartitioner_AProduceToNoBroker_FailsAfterTheProduceTimeout(int stickyMs)
    {
        using var producer = Producer($"127.0.0.1:{FreePort.Next()}", stickyMs, new CapturedLogs());
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ProduceException<string, byte[]>>(
            () => producer.ProduceAsync("llm.requests", "r", Job, MessagingJsonContext.Wire.JobRequestMessage).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(Confluent.Kafka.ErrorCode.Local_MsgTimedOut, error.Error.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void TheStickyPartitionersConfigurationWarning_IsLoggedAtDebug_AndNoOtherClientWarningAppears()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        var logs = new CapturedLogs();

        Producer(broker.BootstrapServers, 10, logs).Dispose();

        Assert.Contains(logs.Lines, line => line.Contains("Debug:", StringComparison.Ordinal) && line.Contains("default_topic_conf", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Warning:", StringComparison.Ordinal));
    }

    private static KafkaJsonProducer Producer(string bootstrapServers, int stickyMs, CapturedLogs logs) => TestProducers.Create(
        new KafkaOptions
        {
            BootstrapServers = bootstrapServers,
            StickyPartitionWindow = TimeSpan.FromMilliseconds(stickyMs),
            ProduceTimeout = TimeSpan.FromSeconds(1),
        },
        LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)).CreateLogger<KafkaJsonProducer>());
}
