namespace LlmOrleans.Messaging.Messages;

/// <summary>A finished job on the response topic. Key: the request id.</summary>
public sealed record JobResultMessage
{
    /// <summary>Message format version.</summary>
    public int Schema { get; init; } = MessageSchema.Current;

    /// <summary>The job's UUID.</summary>
    public required string RequestId { get; init; }

    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Provider the job ran on.</summary>
    public required string Provider { get; init; }

    /// <summary>Model the job asked for.</summary>
    public required string Model { get; init; }

    /// <summary>The model's answer, on success.</summary>
    public string? Output { get; init; }

    /// <summary>The provider's (or our) error message, on failure.</summary>
    public string? Error { get; init; }

    /// <summary>The tenant that owns the job, when the gateway authenticated it.</summary>
    public string? Tenant { get; init; }

    /// <summary>Provider attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>When the job was accepted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its grain took it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Tokens the provider reported for the successful attempt.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Tokens the provider reported for the successful attempt.</summary>
    public long? OutputTokens { get; init; }
}
