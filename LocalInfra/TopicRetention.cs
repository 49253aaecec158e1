namespace LlmOrleans.LocalInfra;

/// <summary>
/// How much of a topic the embedded broker keeps: about the newest <see cref="Records"/> records of each partition
/// (at least 1), and every record that <see cref="ConsumerGroup"/>, when given, has not committed past.
/// </summary>
public sealed record TopicRetention(int Records, string? ConsumerGroup = null)
{
    public int Records { get; } = Records >= 1
        ? Records
        : throw new ArgumentOutOfRangeException(nameof(Records), Records, "A retention keeps at least one record per partition.");
}
