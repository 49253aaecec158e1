using System.Buffers.Text;
using Confluent.Kafka;

namespace LlmOrleans.Bench.Results;

/// <summary>Reads a request-id message key straight into a <see cref="Guid"/> (no string per message).</summary>
public sealed class GuidKeyDeserializer : IDeserializer<Guid>
{
    public Guid Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        !isNull && Utf8Parser.TryParse(data, out Guid id, out var consumed) && consumed == data.Length ? id : Guid.Empty;
}
