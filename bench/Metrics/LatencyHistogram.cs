using System.Diagnostics;
using System.Numerics;

namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// Log-linear latency histogram in microseconds (HdrHistogram's layout: 64 linear sub-buckets per power of two,
/// so every value is kept within 1.6 %). Fixed size, lock-free, no allocation per record; safe to share.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int HalfCount = SubBucketCount / 2;
    private const int MaxShift = 30;
    private const long MaxValue = (1L << (MaxShift + SubBucketBits)) - 1;
    private static readonly double MicrosPerTick = 1_000_000.0 / Stopwatch.Frequency;

    private readonly long[] _counts = new long[SubBucketCount + MaxShift * HalfCount];
    private long _count;
    private long _sum;
    private long _max;

    /// <summary>Records a duration given in <see cref="Stopwatch"/> ticks.</summary>
    public void RecordTicks(long ticks) => RecordMicros((long)(ticks * MicrosPerTick));

    /// <summary>Records a duration in microseconds (negative values count as 0).</summary>
    public void RecordMicros(long micros)
    {
        var value = Math.Clamp(micros, 0, MaxValue);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        var max = Volatile.Read(ref _max);
        while (value > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>How many values were recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Percentiles, mean and max in milliseconds; null when nothing was recorded.</summary>
    public LatencySummary? Summarize()
    {
        var count = Count;
        if (count == 0)
        {
            return null;
        }

        var max = Volatile.Read(ref _max);
        return new LatencySummary(
            count,
            Millis(ValueAtPercentile(50, count, max)),
            Millis(ValueAtPercentile(95, count, max)),
            Millis(ValueAtPercentile(99, count, max)),
            Millis(max),
            Millis(Volatile.Read(ref _sum) / (double)count));
    }

    private long ValueAtPercentile(double percentile, long count, long max)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(Midpoint(i), max);
            }
        }

        return max;
    }

    private static int IndexOf(long value)
    {
        if (value < SubBucketCount)
        {
            return (int)value;
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - (SubBucketBits - 1);
        return SubBucketCount + (shift - 1) * HalfCount + (int)(value >> shift) - HalfCount;
    }

    private static long Midpoint(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var shift = (index - SubBucketCount) / HalfCount + 1;
        var sub = (index - SubBucketCount) % HalfCount + HalfCount;
        return ((long)sub << shift) + (1L << (shift - 1));
    }

    private static double Millis(double micros) => micros / 1000.0;
}
