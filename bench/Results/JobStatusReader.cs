using System.Text.Json;

namespace LlmOrleans.Bench.Results;

/// <summary>Reads <c>status</c>, <c>started_at</c> and <c>completed_at</c> from a result JSON without allocating.</summary>
public static class JobStatusReader
{
    /// <summary>
    /// The top-level fields; <paramref name="json"/> may be only the start of the document, and a timestamp it does
    /// not reach stays null.
    /// </summary>
    public static ResultFields Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        JobStatus? status = null;
        DateTimeOffset? startedAt = null;
        DateTimeOffset? completedAt = null;
        try
        {
            while ((status is null || startedAt is null || completedAt is null) && reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("status"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return new ResultFields(JobStatus.Unreadable);
                    }

                    status = StatusOf(ref reader);
                }
                else if (reader.ValueTextEquals("started_at"u8))
                {
                    startedAt = TimestampOf(ref reader);
                }
                else if (reader.ValueTextEquals("completed_at"u8))
                {
                    completedAt = TimestampOf(ref reader);
                }
            }
        }
        catch (JsonException)
        {
        }

        return status is { } known ? new ResultFields(known, startedAt, completedAt) : new ResultFields(JobStatus.Unreadable);
    }

    private static JobStatus StatusOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("pending"u8) ? JobStatus.Pending
        : reader.ValueTextEquals("succeeded"u8) ? JobStatus.Succeeded
        : reader.ValueTextEquals("failed"u8) ? JobStatus.Failed
        : JobStatus.Unreadable;

    private static DateTimeOffset? TimestampOf(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) ? at : null;
}
