using System.Text.Json;

namespace LlmOrleans.Bench.Results;

/// <summary>Reads <c>"status"</c> from a result JSON (GET body or llm.responses value) without allocating.</summary>
public static class JobStatusReader
{
    /// <summary>The top-level <c>status</c>; <paramref name="json"/> may be only the start of the document.</summary>
    public static JobStatus Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("status"u8))
                {
                    continue;
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return JobStatus.Unreadable;
                }

                return reader.ValueTextEquals("pending"u8) ? JobStatus.Pending
                    : reader.ValueTextEquals("succeeded"u8) ? JobStatus.Succeeded
                    : reader.ValueTextEquals("failed"u8) ? JobStatus.Failed
                    : JobStatus.Unreadable;
            }
        }
        catch (JsonException)
        {
        }

        return JobStatus.Unreadable;
    }
}
