using Confluent.Kafka;
using static LlmOrleans.LocalInfra.LibRdKafkaMock;

namespace LlmOrleans.LocalInfra;

/// <summary>
/// Keeps the mock broker's partition logs short. librdkafka's mock finds the offset a fetch asks for by walking every
/// batch stored for the partition (rdkafka_mock.c: "FIXME: Maintain an index") and keeps up to 5 MiB of batches per
/// partition, so the longer the broker runs, the more each fetch costs; a real broker looks offsets up in an index.
/// Once a second this deletes, per partition, the records older than the newest <see cref="TopicRetention.Records"/>,
/// but never one its <see cref="TopicRetention.ConsumerGroup"/> has not committed past (nor any while that group
/// has committed nothing on the partition).
/// </summary>
internal sealed class LogRetention : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    private readonly nint _cluster;
    private readonly string _bootstrapServers;
    private readonly List<(string Topic, int Partitions, TopicRetention Retention)> _topics = [];
    private readonly Dictionary<string, IConsumer<Ignore, Ignore>> _readers = [];
    private readonly CancellationTokenSource _stopping = new();
    private Thread? _thread;

    public LogRetention(nint cluster, string bootstrapServers)
    {
        _cluster = cluster;
        _bootstrapServers = bootstrapServers;
    }

    public void Add(string topic, int partitions, TopicRetention retention)
    {
        lock (_topics)
        {
            _topics.Add((topic, partitions, retention));
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "kafka-mock-retention" };
                _thread.Start();
            }
        }
    }

    /// <summary>Stops trimming and waits for a pass under way, so the cluster can be destroyed after it.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _thread?.Join();
        foreach (var reader in _readers.Values)
        {
            reader.Dispose();
        }

        _stopping.Dispose();
    }

    private void Run()
    {
        while (!_stopping.Token.WaitHandle.WaitOne(Period))
        {
            (string Topic, int Partitions, TopicRetention Retention)[] topics;
            lock (_topics)
            {
                topics = [.. _topics];
            }

            foreach (var (topic, partitions, retention) in topics)
            {
                Trim(topic, partitions, retention);
            }
        }
    }

    private void Trim(string topic, int partitions, TopicRetention retention)
    {
        var reader = Reader(retention.ConsumerGroup);
        List<TopicPartition> all = [.. Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p))];
        List<TopicPartitionOffset>? committed = null;
        try
        {
            // One offset fetch for the whole topic, in the order asked for.
            committed = retention.ConsumerGroup is null ? null : reader.Committed(all, QueryTimeout);
        }
        catch (KafkaException)
        {
            return; // the broker is busy: without the group's offsets nothing may go, and the next pass asks again
        }

        for (var i = 0; i < all.Count && !_stopping.IsCancellationRequested; i++)
        {
            Trim(reader, all[i], retention.Records, committed?[i].Offset);
        }
    }

    private void Trim(IConsumer<Ignore, Ignore> reader, TopicPartition partition, int records, Offset? committed)
    {
        try
        {
            var watermarks = reader.QueryWatermarkOffsets(partition, QueryTimeout);
            var before = watermarks.High.Value - records;
            if (committed is { } offset)
            {
                before = offset.IsSpecial ? 0 : Math.Min(before, offset.Value);
            }

            if (before > watermarks.Low.Value)
            {
                rd_kafka_mock_partition_delete_records(_cluster, partition.Topic, partition.Partition.Value, before);
            }
        }
        catch (KafkaException)
        {
            // The broker is busy or the partition is not there (yet): the next pass tries again.
        }
    }

    /// <summary>A client that only asks: watermarks, and the committed offsets of <paramref name="group"/>. It never joins.</summary>
    private IConsumer<Ignore, Ignore> Reader(string? group)
    {
        var key = group ?? string.Empty;
        if (!_readers.TryGetValue(key, out var reader))
        {
            reader = _readers[key] = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
            {
                BootstrapServers = _bootstrapServers,
                GroupId = group ?? "embedded-broker-retention",
                EnableAutoCommit = false,
            }).SetLogHandler((_, _) => { }).Build(); // a retry on the next pass is all a notice could lead to
        }

        return reader;
    }
}
