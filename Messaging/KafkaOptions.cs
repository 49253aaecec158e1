using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Messaging;

/// <summary>Where Kafka is and which topics carry jobs, results and dead letters.</summary>
public sealed class KafkaOptions
{
    /// <summary>Comma-separated brokers (<c>KAFKA_BOOTSTRAP_SERVERS</c>).</summary>
    [Required]
    public string BootstrapServers { get; set; } = "localhost:9092";

    /// <summary>Topic of incoming jobs (<c>REQUEST_TOPIC</c>).</summary>
    [Required]
    public string RequestTopic { get; set; } = "llm.requests";

    /// <summary>Topic of finished jobs (<c>RESPONSE_TOPIC</c>).</summary>
    [Required]
    public string ResponseTopic { get; set; } = "llm.responses";

    /// <summary>Topic of invalid messages and finally failed jobs (<c>DLQ_TOPIC</c>).</summary>
    [Required]
    public string DlqTopic { get; set; } = "llm.dlq";

    /// <summary>Consumer group the silos share (<c>KAFKA_GROUP_ID</c>).</summary>
    [Required]
    public string GroupId { get; set; } = "llm-workers";

    /// <summary>Partitions for topics created at start-up (<c>KAFKA_TOPIC_PARTITIONS</c>); bounds how many silos consume.</summary>
    [Range(1, 10_000)]
    public int TopicPartitions { get; set; } = 12;

    /// <summary>Replication factor for topics created at start-up (<c>KAFKA_REPLICATION_FACTOR</c>).</summary>
    [Range(1, 10)]
    public short ReplicationFactor { get; set; } = 1;

    /// <summary>How long a produce may wait for the broker before failing (<c>KAFKA_PRODUCE_TIMEOUT_MS</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ProduceTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the group waits for a silent consumer before moving its partitions (<c>KAFKA_SESSION_TIMEOUT_MS</c>).
    /// Shorter means faster failover after a crash; heartbeats go at a third of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:06", "00:30:00")]
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Longest a consumer fetch waits for data before the broker answers (<c>KAFKA_FETCH_WAIT_MAX_MS</c>).
    /// A real broker answers as soon as data arrives; the embedded mock broker always waits this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan FetchWaitMax { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a producer holds a message to fill its batch (<c>KAFKA_LINGER_MS</c>, librdkafka <c>linger.ms</c>,
    /// fractions allowed). Longer: fewer, bigger requests and less CPU under load; each message waits up to this when
    /// idle (librdkafka rounds any linger above 0 up to about a millisecond then). 0.2 ms fills batches under load as
    /// well as 1 ms did and answers a loaded gateway's submits sooner (docs/benchmarks.md, fifteenth session).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(0.2);

    /// <summary>
    /// How long a producer keeps writing to one partition before moving to the next (<c>KAFKA_STICKY_PARTITION_MS</c>),
    /// so messages written together share a batch (<see cref="StickyPartitioner"/>). Zero: the partition follows
    /// the key's hash, librdkafka's default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan StickyPartitionWindow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Extra librdkafka settings for every client, e.g. <c>security.protocol</c>, <c>sasl.mechanism</c>
    /// (section <c>Kafka:Client</c>). Secrets belong in the environment, never in files.
    /// </summary>
    public Dictionary<string, string> Client { get; set; } = [];
}
