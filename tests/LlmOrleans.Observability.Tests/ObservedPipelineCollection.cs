namespace LlmOrleans.Observability.Tests;

/// <summary>Tests that share one observed pipeline; they run one after another (one of them stops Redis).</summary>
[CollectionDefinition(Name)]
public sealed class ObservedPipelineCollection : ICollectionFixture<ObservedPipelineFixture>
{
    public const string Name = "observed pipeline";
}
