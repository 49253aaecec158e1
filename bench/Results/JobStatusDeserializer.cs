using Confluent.Kafka;

namespace LlmOrleans.Bench.Results;

/// <summary>Reads only the <c>status</c> of a llm.responses value.</summary>
public sealed class JobStatusDeserializer : IDeserializer<JobStatus>
{
    public JobStatus Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? JobStatus.Unreadable : JobStatusReader.Read(data);
}
