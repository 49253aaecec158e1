using System.Diagnostics;
using Confluent.Kafka;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Results;

/// <summary>
/// Watches the response topic like a client that subscribes to results: every partition is assigned from its
/// current end before the first job is submitted, and each message's key (the request id) is matched against
/// the jobs this run submitted. A result may arrive before its POST has returned the id; it is then kept until
/// the id is tracked.
/// </summary>
public sealed class KafkaResultTracker : IResultTracker
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);
    private readonly IConsumer<Guid, ResultFields> _consumer;
    private readonly ErrorTally _errors;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, TaskCompletionSource<Completion>> _waiting = [];
    private readonly Dictionary<Guid, Completion> _arrivedFirst = [];
    private readonly Thread _thread;
    private volatile bool _stopping;

    private KafkaResultTracker(IConsumer<Guid, ResultFields> consumer, ErrorTally errors)
    {
        _consumer = consumer;
        _errors = errors;
        _thread = new Thread(ConsumeLoop) { IsBackground = true, Name = "bench-results" };
    }

    public string Name => "kafka";

    /// <summary>
    /// Assigns every partition of <paramref name="topic"/> at its end and starts reading, each fetch held by the broker
    /// up to <paramref name="fetchWaitMs"/> when it finds no data.
    /// </summary>
    public static KafkaResultTracker Start(string bootstrapServers, string topic, int fetchWaitMs, ErrorTally errors)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"llm-bench-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            AllowAutoCreateTopics = false,
            FetchWaitMaxMs = fetchWaitMs,
            SocketNagleDisable = true,
        };
        var consumer = new ConsumerBuilder<Guid, ResultFields>(config)
            .SetKeyDeserializer(new GuidKeyDeserializer())
            .SetValueDeserializer(new JobStatusDeserializer())
            .SetErrorHandler((_, e) => errors.Add($"kafka {e.Code}"))
            .Build();
        try
        {
            consumer.Assign(EndOffsets(consumer, topic));
        }
        catch
        {
            consumer.Dispose();
            throw;
        }

        var tracker = new KafkaResultTracker(consumer, errors);
        tracker._thread.Start();
        return tracker;
    }

    public Task<Completion> Track(Guid requestId)
    {
        lock (_gate)
        {
            if (_arrivedFirst.Remove(requestId, out var completion))
            {
                return Task.FromResult(completion);
            }

            var waiter = new TaskCompletionSource<Completion>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[requestId] = waiter;
            return waiter.Task;
        }
    }

    public void Abandon()
    {
        TaskCompletionSource<Completion>[] waiters;
        lock (_gate)
        {
            waiters = [.. _waiting.Values];
            _waiting.Clear();
        }

        var now = Stopwatch.GetTimestamp();
        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(Completion.Without(now, JobStatus.Incomplete));
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        _thread.Join();
        _consumer.Close();
        _consumer.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<TopicPartitionOffset> EndOffsets(IConsumer<Guid, ResultFields> consumer, string topic)
    {
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin.GetMetadata(topic, MetadataTimeout).Topics.Single().Partitions;
        if (partitions.Count == 0)
        {
            throw new InvalidOperationException($"Topic '{topic}' has no partitions (does it exist?).");
        }

        // Explicit end offsets, not Offset.End: that is resolved only at the first fetch, after jobs may have finished.
        return partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .Select(tp => new TopicPartitionOffset(tp, consumer.QueryWatermarkOffsets(tp, MetadataTimeout).High))
            .ToList();
    }

    private void ConsumeLoop()
    {
        while (!_stopping)
        {
            ConsumeResult<Guid, ResultFields>? result;
            try
            {
                result = _consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException ex)
            {
                _errors.Add($"kafka {ex.Error.Code}");
                continue;
            }

            if (result?.Message is { Key: var id } message && id != Guid.Empty)
            {
                Arrived(id, new Completion(Stopwatch.GetTimestamp(), message.Value));
            }
        }
    }

    private void Arrived(Guid requestId, Completion completion)
    {
        TaskCompletionSource<Completion>? waiter;
        lock (_gate)
        {
            if (!_waiting.Remove(requestId, out waiter))
            {
                _arrivedFirst[requestId] = completion;
                return;
            }
        }

        waiter.TrySetResult(completion);
    }
}
