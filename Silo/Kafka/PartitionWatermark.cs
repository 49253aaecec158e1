namespace LlmOrleans.Silo.Kafka;

/// <summary>
/// The offset that may be committed for one partition: just past the longest run of jobs, from the
/// start, that their grains have durably accepted. Jobs finish out of order; the watermark never
/// passes one still in flight, so a crash can only redeliver, never skip.
/// </summary>
public sealed class PartitionWatermark
{
    private readonly SortedSet<long> _inFlight = [];
    private long _nextAfterDispatched = -1;

    /// <summary>Offset to commit (the next one to read), or null when nothing has completed yet.</summary>
    public long? Committable => _inFlight.Count > 0 ? NullIfUnset(_inFlight.Min) : NullIfUnset(_nextAfterDispatched);

    /// <summary>A message was handed to its grain.</summary>
    public void Dispatched(long offset)
    {
        _inFlight.Add(offset);
        _nextAfterDispatched = Math.Max(_nextAfterDispatched, offset + 1);
    }

    /// <summary>A message's job is durably accepted (or dead-lettered).</summary>
    public void Completed(long offset) => _inFlight.Remove(offset);

    private static long? NullIfUnset(long offset) => offset < 0 ? null : offset;
}
