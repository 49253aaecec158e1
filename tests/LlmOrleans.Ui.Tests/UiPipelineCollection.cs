namespace LlmOrleans.Ui.Tests;

/// <summary>Tests that share one running pipeline; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class UiPipelineCollection : ICollectionFixture<UiPipelineFixture>
{
    public const string Name = "ui-pipeline";
}
