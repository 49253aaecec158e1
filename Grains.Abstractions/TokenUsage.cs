namespace LlmOrleans.Grains.Abstractions;

/// <summary>Tokens the provider reports for the successful attempt.</summary>
[GenerateSerializer, Immutable, Alias("LlmOrleans.TokenUsage")]
public sealed record TokenUsage(
    [property: Id(0)] long? InputTokens,
    [property: Id(1)] long? OutputTokens);
