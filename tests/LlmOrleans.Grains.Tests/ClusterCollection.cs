namespace LlmOrleans.Grains.Tests;

/// <summary>The grain tests share one cluster; each uses its own job and model, so they cannot interfere.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Job grain cluster";
}
