namespace LlmOrleans.Reliability.Tests;

/// <summary>Multi-process tests run one at a time: each starts several processes on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesCollection
{
    public const string Name = "processes";
}
