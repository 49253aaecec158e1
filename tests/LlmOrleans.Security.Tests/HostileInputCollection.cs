namespace LlmOrleans.Security.Tests;

/// <summary>
/// Every hostile-input test shares one pipeline and runs one after another, so each can count what its
/// own barrage put on the request topic.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostileInputCollection : ICollectionFixture<HostileInputFixture>
{
    public const string Name = "hostile-input";
}
