using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Silo.Stats;

/// <summary>Finished jobs per 10-second bucket over the last 10 minutes, in a ring of buckets reused as time moves on.</summary>
internal sealed class CompletionCounts
{
    private static readonly long Width = (long)CompletionBucket.Width.TotalSeconds;
    private static readonly int Kept = (int)(CompletionBucket.Kept / CompletionBucket.Width);

    // One more slot than kept, for the bucket in progress.
    private readonly long[] _starts = new long[Kept + 1];
    private readonly int[] _succeeded = new int[Kept + 1];
    private readonly int[] _failed = new int[Kept + 1];
    private readonly Lock _lock = new();

    /// <summary>A job finished at <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, bool succeeded)
    {
        var start = CompletionBucket.StartOf(at);
        var slot = (int)(start / Width % _starts.Length);
        lock (_lock)
        {
            if (_starts[slot] != start)
            {
                _starts[slot] = start;
                _succeeded[slot] = 0;
                _failed[slot] = 0;
            }

            if (succeeded)
            {
                _succeeded[slot]++;
            }
            else
            {
                _failed[slot]++;
            }
        }
    }

    /// <summary>The non-empty buckets of the 10 minutes up to <paramref name="now"/>, oldest first.</summary>
    public List<CompletionBucket> Snapshot(DateTimeOffset now)
    {
        var current = CompletionBucket.StartOf(now);
        var oldest = current - (Kept - 1) * Width;
        var buckets = new List<CompletionBucket>();
        lock (_lock)
        {
            for (var slot = 0; slot < _starts.Length; slot++)
            {
                if (_starts[slot] >= oldest && _starts[slot] <= current && _succeeded[slot] + _failed[slot] > 0)
                {
                    buckets.Add(new CompletionBucket(_starts[slot], _succeeded[slot], _failed[slot]));
                }
            }
        }

        buckets.Sort((a, b) => a.Start.CompareTo(b.Start));
        return buckets;
    }
}
