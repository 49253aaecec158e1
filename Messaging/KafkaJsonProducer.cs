using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using LlmOrleans.Messaging.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging;

/// <summary>
/// The process's one Kafka producer (acks=all, idempotent), writing JSON values keyed by request id to
/// sticky partitions (<see cref="StickyPartitioner"/>).
/// Each write is a <c>publish {topic}</c> span whose W3C trace context travels in the message headers.
/// Flushed on dispose so nothing acknowledged to a caller is left in the local queue.
/// </summary>
public sealed class KafkaJsonProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly KafkaProduceMetrics _metrics;

    public KafkaJsonProducer(IOptions<KafkaOptions> options, ILogger<KafkaJsonProducer> logger, IMeterFactory meterFactory)
    {
        var config = KafkaClientConfigs.Producer(options.Value, $"llm-orleans-{Environment.ProcessId}");
        var builder = new ProducerBuilder<string, byte[]>(config).SetLogHandler(KafkaLog.To(logger));
        if (options.Value.StickyPartitionWindow > TimeSpan.Zero)
        {
            builder.SetDefaultPartitioner(new StickyPartitioner(options.Value.StickyPartitionWindow, TimeProvider.System).Choose);
        }

        _producer = builder.Build();
        _metrics = new KafkaProduceMetrics(meterFactory);
    }

    /// <summary>
    /// Writes <paramref name="value"/> and completes once the broker acknowledged it (or throws). A caller on a grain
    /// resumes with one hand-off, from the producer's poll thread straight to the grain's scheduler; Confluent's
    /// <c>ProduceAsync</c> goes through the thread pool first, which made two. Any other caller resumes on the thread
    /// pool, never on the poll thread. Cancelling gives up the wait, as Confluent's does: the message may still be
    /// delivered.
    /// </summary>
    public async Task<DeliveryResult<string, byte[]>> ProduceAsync<T>(
        string topic, string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = KafkaTelemetry.StartPublish(topic, key);
        try
        {
            var delivered = await DeliverAsync(topic, CreateMessage(key, value, typeInfo, activity), cancellationToken);
            activity?.SetTag("messaging.destination.partition.id", delivered.Partition.Value.ToString());
            return delivered;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/> without waiting: <paramref name="onDelivered"/> runs on the producer's
    /// poll thread once the broker acknowledged it or it failed, so it must be short and must not block. Throws
    /// when the message cannot even be queued (the local queue is full, the message too large).
    /// </summary>
    public void Produce(string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _producer.Produce(topic, message, report =>
            {
                _metrics.Record(topic, Stopwatch.GetElapsedTime(started), acknowledged: !report.Error.IsError);
                onDelivered(report);
            });
        }
        catch
        {
            _metrics.Record(topic, Stopwatch.GetElapsedTime(started), acknowledged: false);
            throw;
        }
    }

    // On a grain (a scheduler of its own) the continuation only queues the grain's resume, so it may run on the poll
    // thread; anywhere else it would run the caller's code there, which must not block the thread that reports.
    private Task<DeliveryReport<string, byte[]>> DeliverAsync(
        string topic, Message<string, byte[]> message, CancellationToken cancellationToken)
    {
        var onOwnScheduler = TaskScheduler.Current != TaskScheduler.Default && SynchronizationContext.Current is null;
        var delivery = new TaskCompletionSource<DeliveryReport<string, byte[]>>(
            onOwnScheduler ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
        Produce(topic, message, report =>
        {
            if (report.Error.IsError)
            {
                delivery.TrySetException(new ProduceException<string, byte[]>(report.Error, report));
            }
            else
            {
                delivery.TrySetResult(report);
            }
        });
        return cancellationToken.CanBeCanceled ? delivery.Task.WaitAsync(cancellationToken) : delivery.Task;
    }

    /// <summary>A message keyed by <paramref name="key"/> with <paramref name="value"/> as JSON, carrying <paramref name="activity"/>'s trace context.</summary>
    public static Message<string, byte[]> CreateMessage<T>(string key, T value, JsonTypeInfo<T> typeInfo, Activity? activity) => new()
    {
        Key = key,
        Value = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo),
        Headers = KafkaTraceContext.Inject(activity ?? Activity.Current),
    };

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
