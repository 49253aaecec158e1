namespace LlmOrleans.Grains;

/// <summary>Names of the storage providers the grains need; the silo registers them.</summary>
public static class JobStorage
{
    /// <summary>Grain storage for job state (Redis, with the result TTL as entry expiry).</summary>
    public const string Name = "jobs";
}
