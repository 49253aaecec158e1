namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>Messages on a request-topic partition that its consuming silo has not read yet.</summary>
public sealed record PartitionLag(string Topic, int Partition, long Lag);
