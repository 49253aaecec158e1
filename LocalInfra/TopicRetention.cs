namespace LlmOrleans.LocalInfra;

/// <summary>
/// How much of a topic the embedded broker keeps: about the newest <see cref="Records"/> records of each partition,
/// and every record that <see cref="ConsumerGroup"/>, when given, has not committed past.
/// </summary>
public sealed record TopicRetention(int Records, string? ConsumerGroup = null);
