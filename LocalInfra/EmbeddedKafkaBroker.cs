using System.Runtime.InteropServices;
using static LlmOrleans.LocalInfra.LibRdKafkaMock;

namespace LlmOrleans.LocalInfra;

/// <summary>
/// Kafka-protocol broker inside this process: librdkafka's mock cluster, reachable over real TCP by any Kafka client.
/// Everything lives in memory and disappears on <see cref="Dispose"/>.
/// </summary>
public sealed class EmbeddedKafkaBroker : IDisposable
{
    private readonly nint _handle;
    private readonly LogRetention _retention;
    private nint _cluster;

    private EmbeddedKafkaBroker(nint handle, nint cluster)
    {
        _handle = handle;
        _cluster = cluster;
        BootstrapServers = Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");
        _retention = new LogRetention(cluster, BootstrapServers);
    }

    /// <summary>The cluster's listeners, e.g. <c>127.0.0.1:41234</c> (comma-separated if several brokers).</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts a mock cluster of <paramref name="brokerCount"/> brokers on ephemeral loopback ports.</summary>
    public static unsafe EmbeddedKafkaBroker Start(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);

        var conf = rd_kafka_conf_new();
        var error = stackalloc byte[512];
        // The owning handle never connects anywhere; keep its "no bootstrap.servers" notice off the console.
        var handle = rd_kafka_conf_set(conf, "log_level", "4", error, 512) == ConfOk
            ? rd_kafka_new(RdKafkaProducer, conf, error, 512)
            : 0;
        if (handle == 0)
        {
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"Creating the mock cluster's librdkafka handle failed: {Marshal.PtrToStringUTF8((nint)error)}");
        }

        var cluster = rd_kafka_mock_cluster_new(handle, brokerCount);
        if (cluster == 0)
        {
            rd_kafka_destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        // Without a controller, admin requests wait forever for one.
        rd_kafka_mock_set_controller_id(cluster, 1);
        // The default 3 s delay slows every first consumer-group join.
        rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
        return new EmbeddedKafkaBroker(handle, cluster);
    }

    /// <summary>
    /// Creates <paramref name="name"/> with <paramref name="partitions"/> partitions and replication factor 1;
    /// the mock broker does not support the CreateTopics admin API. An existing topic is left as it is. With a
    /// <paramref name="retention"/> its older records are deleted as it says; without one the mock keeps up to
    /// 5 MiB per partition, and each fetch costs more the more it keeps (<see cref="LogRetention"/>).
    /// </summary>
    public void CreateTopic(string name, int partitions, TopicRetention? retention = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ObjectDisposedException.ThrowIf(_cluster == 0, this);
        var err = rd_kafka_mock_topic_create(_cluster, name, partitions, 1);
        if (err is not ErrNoError and not ErrTopicAlreadyExists)
        {
            throw new InvalidOperationException($"Creating topic '{name}' failed: {ErrorText(err)}");
        }

        if (retention is not null)
        {
            _retention.Add(name, partitions, retention);
        }
    }

    /// <summary>Destroys the mock cluster, closing its listeners, and its owning librdkafka handle.</summary>
    public void Dispose()
    {
        var cluster = Interlocked.Exchange(ref _cluster, 0);
        if (cluster == 0)
        {
            return;
        }

        _retention.Dispose();
        rd_kafka_mock_cluster_destroy(cluster);
        rd_kafka_destroy(_handle);
    }
}
