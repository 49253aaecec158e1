namespace LlmOrleans.Messaging.Messages;

/// <summary>A job on the request topic. Key: the request id. Anyone may produce these, not only the gateway.</summary>
public sealed record JobRequestMessage
{
    /// <summary>Message format version.</summary>
    public int? Schema { get; init; } = MessageSchema.Current;

    /// <summary>The job's UUID; when absent the message key is used.</summary>
    public string? RequestId { get; init; }

    /// <summary>Provider name: <c>echo</c>, <c>groq</c>, <c>openai</c> or a configured endpoint.</summary>
    public string? Provider { get; init; }

    /// <summary>Model id as the provider names it.</summary>
    public string? Model { get; init; }

    /// <summary>The user prompt.</summary>
    public string? Prompt { get; init; }

    /// <summary>When the job was accepted; the consumer's clock when absent.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
