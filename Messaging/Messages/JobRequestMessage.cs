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

    /// <summary>The tenant that owns the job (set by the gateway from the caller's API key); absent without authentication.</summary>
    public string? Tenant { get; init; }

    /// <summary>The id (never the secret) of the API key that submitted the job, whose in-flight quota it holds.</summary>
    public string? KeyId { get; init; }
}
