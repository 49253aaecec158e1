namespace LlmOrleans.Grains.Abstractions;

/// <summary>
/// An LLM job as accepted from Kafka: what to run, on which provider and model, and whose it is.
/// <see cref="Tenant"/> owns the job (only its keys may read it); <see cref="KeyId"/> is the API key that
/// submitted it, whose in-flight quota it holds. Both are null when the gateway runs without authentication.
/// </summary>
[GenerateSerializer, Immutable, Alias("LlmOrleans.LlmJob")]
public sealed record LlmJob(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Provider,
    [property: Id(2)] string Model,
    [property: Id(3)] string Prompt,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? Tenant = null,
    [property: Id(6)] string? KeyId = null);
