using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;

namespace LlmOrleans.Local;

/// <summary>
/// The topics of a local run on the embedded broker, named and partitioned as the configuration says. Each keeps
/// about its newest <c>EMBEDDED_KAFKA_RETAINED_RECORDS</c> records per partition (0: whatever the mock keeps, up to
/// 5 MiB per partition, with each fetch costing more the more it keeps); the request topic also keeps every job its
/// consumer group (<c>KAFKA_GROUP_ID</c>) has not committed past, so no job is lost to it.
/// </summary>
public static class LocalTopics
{
    public const string RetainedRecordsKey = "EMBEDDED_KAFKA_RETAINED_RECORDS";
    public const int DefaultRetainedRecords = 1000;

    public static void Create(EmbeddedKafkaBroker broker, IConfiguration configuration)
    {
        var kafka = new KafkaOptions();
        var partitions = configuration.GetValue("KAFKA_TOPIC_PARTITIONS", kafka.TopicPartitions);
        var retained = configuration.GetValue(RetainedRecordsKey, DefaultRetainedRecords);
        if (retained < 0)
        {
            throw new InvalidOperationException($"{RetainedRecordsKey} must be 0 (keep what the mock broker keeps) or more; it is {retained}.");
        }

        TopicRetention? Retention(string? group = null) => retained > 0 ? new TopicRetention(retained, group) : null;
        broker.CreateTopic(configuration["REQUEST_TOPIC"] ?? kafka.RequestTopic, partitions,
            Retention(configuration["KAFKA_GROUP_ID"] ?? kafka.GroupId));
        broker.CreateTopic(configuration["RESPONSE_TOPIC"] ?? kafka.ResponseTopic, partitions, Retention());
        broker.CreateTopic(configuration["DLQ_TOPIC"] ?? kafka.DlqTopic, partitions, Retention());
    }
}
