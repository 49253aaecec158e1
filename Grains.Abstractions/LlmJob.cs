namespace LlmOrleans.Grains.Abstractions;

/// <summary>An LLM job as accepted from Kafka: what to run, on which provider and model.</summary>
[GenerateSerializer, Immutable, Alias("LlmOrleans.LlmJob")]
public sealed record LlmJob(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Provider,
    [property: Id(2)] string Model,
    [property: Id(3)] string Prompt,
    [property: Id(4)] DateTimeOffset CreatedAt);
