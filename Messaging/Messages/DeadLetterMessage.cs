namespace LlmOrleans.Messaging.Messages;

/// <summary>
/// A message on the dead-letter topic: either an input that is not a valid job (<c>invalid_message</c>,
/// with the raw payload) or a job that failed for good (<c>job_failed</c>, with the original job).
/// </summary>
public sealed record DeadLetterMessage
{
    /// <summary>Reason for a message that is not a valid job.</summary>
    public const string InvalidMessage = "invalid_message";

    /// <summary>Reason for a job whose attempts are spent or whose error is permanent.</summary>
    public const string JobFailed = "job_failed";

    /// <summary>Message format version.</summary>
    public int Schema { get; init; } = MessageSchema.Current;

    /// <summary><see cref="InvalidMessage"/> or <see cref="JobFailed"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>What was wrong, naming the field for invalid messages.</summary>
    public required string Error { get; init; }

    /// <summary>The request id, when one could be read.</summary>
    public string? RequestId { get; init; }

    /// <summary>The original job, for failed jobs.</summary>
    public JobRequestMessage? Job { get; init; }

    /// <summary>The raw message value, base64, for invalid messages (cut at 64 KiB).</summary>
    public string? RawPayloadBase64 { get; init; }

    /// <summary>Whether <see cref="RawPayloadBase64"/> was cut.</summary>
    public bool RawPayloadTruncated { get; init; }

    /// <summary>Where the invalid message was read: <c>topic/partition@offset</c>.</summary>
    public string? Source { get; init; }

    /// <summary>When it was dead-lettered.</summary>
    public DateTimeOffset DeadLetteredAt { get; init; }
}
