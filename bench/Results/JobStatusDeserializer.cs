using Confluent.Kafka;

namespace LlmOrleans.Bench.Results;

/// <summary>Reads the status and timestamps of a llm.responses value.</summary>
public sealed class JobStatusDeserializer : IDeserializer<ResultFields>
{
    public ResultFields Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? new ResultFields(JobStatus.Unreadable) : JobStatusReader.Read(data);
}
