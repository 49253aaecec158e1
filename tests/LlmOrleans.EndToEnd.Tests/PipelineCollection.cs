namespace LlmOrleans.EndToEnd.Tests;

/// <summary>Tests that share one running pipeline; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "pipeline";
}
