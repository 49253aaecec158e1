using System.Buffers;
using System.Text.Json;
using Confluent.Kafka;
using LlmOrleans.Bench.Load;
using LlmOrleans.Messaging;

namespace LlmOrleans.Bench.Targets;

/// <summary>
/// The Kafka baseline's stand-in for the silo: a group member of the request topic with the silo's consumer settings
/// that answers every request at once with a succeeded result on the response topic (<c>started_at</c> and
/// <c>completed_at</c> taken as it relays), through the system's own producer. A grain that does no work.
/// </summary>
public sealed class KafkaRelay : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private readonly IConsumer<string, Ignore> _consumer;
    private readonly KafkaJsonProducer _producer;
    private readonly string _responseTopic;
    private readonly ErrorTally _errors;
    private readonly TaskCompletionSource _assigned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public KafkaRelay(KafkaOptions options, KafkaJsonProducer producer, ErrorTally errors)
    {
        _producer = producer;
        _responseTopic = options.ResponseTopic;
        _errors = errors;
        _consumer = new ConsumerBuilder<string, Ignore>(KafkaClientConfigs.Consumer(options, "bench-relay"))
            .SetPartitionsAssignedHandler((_, _) => _assigned.TrySetResult())
            .SetErrorHandler((_, e) => errors.Add($"relay {e.Code}"))
            .Build();
        _consumer.Subscribe(options.RequestTopic);
        _thread = new Thread(RelayLoop) { IsBackground = true, Name = "bench-relay" };
        _thread.Start();
    }

    /// <summary>Completes once the group gave the relay its partitions, so no early request waits for a rebalance.</summary>
    public Task Assigned => _assigned.Task;

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _consumer.Close();
        _consumer.Dispose();
    }

    private void RelayLoop()
    {
        while (!_stopping)
        {
            ConsumeResult<string, Ignore>? record;
            try
            {
                record = _consumer.Consume(PollTimeout);
            }
            catch (ConsumeException ex)
            {
                _errors.Add($"relay {ex.Error.Code}");
                continue;
            }

            if (record?.Message is not { Key: { } requestId })
            {
                continue;
            }

            var started = DateTimeOffset.UtcNow;
            try
            {
                var result = new Message<string, byte[]> { Key = requestId, Value = ResultJson(requestId, started, DateTimeOffset.UtcNow) };
                _producer.Produce(_responseTopic, result, OnDelivered);
                // As the silo does once a job is taken: the group commits, and the broker can trim the request topic.
                _consumer.StoreOffset(record);
            }
            catch (Exception ex)
            {
                _errors.Add(ex);
            }
        }
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            _errors.Add($"relay kafka {report.Error.Code}");
        }
    }

    private static byte[] ResultJson(string requestId, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("request_id", requestId);
            writer.WriteString("status", "succeeded");
            writer.WriteString("started_at", startedAt);
            writer.WriteString("completed_at", completedAt);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
