using System.Collections.Concurrent;
using Confluent.Kafka;
using LlmOrleans.Grains;
using LlmOrleans.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Silo.Kafka;

/// <summary>
/// The silo's member of the request-topic consumer group. The blocking consume loop runs on its own
/// thread and hands each message to <see cref="JobDispatcher"/> without waiting for it; offsets are stored
/// per partition only up to the contiguous watermark of messages whose jobs are durably accepted.
/// At the in-flight cap it pauses its partitions (staying in the group) until jobs drain.
/// </summary>
public sealed partial class JobConsumer(
    JobDispatcher dispatcher,
    RunningJobs runningJobs,
    ConsumerLag lag,
    IOptions<KafkaOptions> kafka,
    IOptions<JobConsumerOptions> options,
    ILogger<JobConsumer> logger) : BackgroundService
{
    private readonly Dictionary<TopicPartition, PartitionWatermark> _watermarks = [];
    private readonly ConcurrentQueue<TopicPartitionOffset> _completed = new();
    private readonly SemaphoreSlim _completionSignal = new(0);
    private int _pending;
    private bool _paused;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stopping)
    {
        var settings = kafka.Value;
        using var consumer = new ConsumerBuilder<byte[], byte[]>(
                KafkaClientConfigs.Consumer(settings, $"llm-silo-{Environment.ProcessId}"))
            .SetPartitionsAssignedHandler((c, assigned) => OnAssigned(c, assigned))
            .SetPartitionsRevokedHandler((c, revoked) => OnRevoked(c, revoked.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((_, lost) => Forget(lost.Select(p => p.TopicPartition)))
            .SetErrorHandler((_, error) => LogKafkaError(error.Code, error.Reason, error.IsFatal))
            .SetLogHandler(KafkaLog.To(logger))
            .Build();
        consumer.Subscribe(settings.RequestTopic);
        LogStarted(settings.RequestTopic, settings.GroupId);

        try
        {
            while (!stopping.IsCancellationRequested)
            {
                StoreCompletedOffsets(consumer);
                ApplyBackpressure(consumer);
                lag.Refresh(consumer);
                if (Volatile.Read(ref _pending) >= options.Value.MaxPendingSubmits)
                {
                    _completionSignal.Wait(TimeSpan.FromMilliseconds(50), stopping);
                    continue;
                }

                // While paused this returns nothing but still serves rebalances and keeps us in the group.
                ConsumeOne(consumer, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            Drain(consumer);
            lag.Clear();
            consumer.Close();
            LogStopped();
        }
    }

    private void ConsumeOne(IConsumer<byte[], byte[]> consumer, CancellationToken stopping)
    {
        ConsumeResult<byte[], byte[]>? message;
        try
        {
            message = consumer.Consume(TimeSpan.FromMilliseconds(100));
        }
        catch (ConsumeException ex)
        {
            LogKafkaError(ex.Error.Code, ex.Error.Reason, ex.Error.IsFatal);
            if (ex.Error.IsFatal)
            {
                throw;
            }

            return;
        }

        if (message is null || message.IsPartitionEOF)
        {
            return;
        }

        if (!_watermarks.TryGetValue(message.TopicPartition, out var watermark))
        {
            watermark = _watermarks[message.TopicPartition] = new PartitionWatermark();
        }

        watermark.Dispatched(message.Offset.Value);
        Interlocked.Increment(ref _pending);
        _ = DispatchAsync(message, stopping);
    }

    private async Task DispatchAsync(ConsumeResult<byte[], byte[]> message, CancellationToken stopping)
    {
        try
        {
            if (await dispatcher.DispatchAsync(message, stopping))
            {
                _completed.Enqueue(message.TopicPartitionOffset);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            _completionSignal.Release();
        }
    }

    private void ApplyBackpressure(IConsumer<byte[], byte[]> consumer)
    {
        var cap = options.Value.MaxInflightJobs;
        var load = runningJobs.Count + Volatile.Read(ref _pending);
        if (!_paused && load >= cap)
        {
            _paused = true;
            consumer.Pause(consumer.Assignment);
            LogPaused(load, cap);
        }
        else if (_paused && load <= cap / 2)
        {
            _paused = false;
            consumer.Resume(consumer.Assignment);
            LogResumed(load);
        }
    }

    private void StoreCompletedOffsets(IConsumer<byte[], byte[]> consumer)
    {
        if (_completed.IsEmpty)
        {
            return;
        }

        var touched = new HashSet<TopicPartition>();
        while (_completed.TryDequeue(out var done))
        {
            if (_watermarks.TryGetValue(done.TopicPartition, out var watermark))
            {
                watermark.Completed(done.Offset.Value);
                touched.Add(done.TopicPartition);
            }
        }

        foreach (var partition in touched)
        {
            if (_watermarks[partition].Committable is { } offset)
            {
                try
                {
                    consumer.StoreOffset(new TopicPartitionOffset(partition, offset));
                }
                catch (KafkaException ex)
                {
                    // The partition was taken away meanwhile; its new owner redelivers and grains de-duplicate.
                    LogStoreFailed(partition.ToString(), ex.Error.Reason);
                }
            }
        }
    }

    private void OnAssigned(IConsumer<byte[], byte[]> consumer, List<TopicPartition> assigned)
    {
        foreach (var partition in assigned)
        {
            _watermarks[partition] = new PartitionWatermark();
        }

        if (_paused)
        {
            consumer.Pause(assigned);
        }

        LogAssigned(string.Join(", ", assigned.Select(p => p.Partition.Value)));
    }

    private void OnRevoked(IConsumer<byte[], byte[]> consumer, IEnumerable<TopicPartition> revoked)
    {
        var partitions = revoked.ToList();
        StoreCompletedOffsets(consumer);
        var offsets = partitions
            .Where(_watermarks.ContainsKey)
            .Select(p => (Partition: p, Offset: _watermarks[p].Committable))
            .Where(p => p.Offset is not null)
            .Select(p => new TopicPartitionOffset(p.Partition, p.Offset!.Value))
            .ToList();
        if (offsets.Count > 0)
        {
            try
            {
                consumer.Commit(offsets);
            }
            catch (KafkaException ex)
            {
                LogStoreFailed(string.Join(", ", offsets), ex.Error.Reason);
            }
        }

        Forget(partitions);
    }

    private void Forget(IEnumerable<TopicPartition> partitions)
    {
        var list = partitions.ToList();
        foreach (var partition in list)
        {
            _watermarks.Remove(partition);
        }

        LogRevoked(string.Join(", ", list.Select(p => p.Partition.Value)));
    }

    private void Drain(IConsumer<byte[], byte[]> consumer)
    {
        var deadline = DateTime.UtcNow + options.Value.DrainTimeout;
        while (Volatile.Read(ref _pending) > 0 && DateTime.UtcNow < deadline)
        {
            _completionSignal.Wait(TimeSpan.FromMilliseconds(50));
        }

        StoreCompletedOffsets(consumer);
    }

    [LoggerMessage(300, LogLevel.Information, "Consuming {Topic} in group {GroupId}")]
    private partial void LogStarted(string topic, string groupId);

    [LoggerMessage(301, LogLevel.Information, "Partitions assigned: {Partitions}")]
    private partial void LogAssigned(string partitions);

    [LoggerMessage(302, LogLevel.Information, "Partitions revoked: {Partitions}")]
    private partial void LogRevoked(string partitions);

    [LoggerMessage(303, LogLevel.Warning, "Kafka error {Code}: {Reason} (fatal: {IsFatal})")]
    private partial void LogKafkaError(Confluent.Kafka.ErrorCode code, string reason, bool isFatal);

    [LoggerMessage(304, LogLevel.Debug, "Could not store offsets for {Partitions}: {Reason}")]
    private partial void LogStoreFailed(string partitions, string reason);

    [LoggerMessage(306, LogLevel.Information, "Paused consuming: {Load} jobs in flight, cap {Cap} (MAX_INFLIGHT_JOBS)")]
    private partial void LogPaused(int load, int cap);

    [LoggerMessage(307, LogLevel.Information, "Resumed consuming: {Load} jobs in flight")]
    private partial void LogResumed(int load);

    [LoggerMessage(305, LogLevel.Information, "Consumer closed")]
    private partial void LogStopped();
}
