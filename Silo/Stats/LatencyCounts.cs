using LlmOrleans.ServiceDefaults.Stats;

namespace LlmOrleans.Silo.Stats;

/// <summary>
/// Provider attempts per provider and model over the last 5 minutes: 30-second slots, each with a
/// <see cref="LatencyBuckets"/> histogram of successful attempts and a count of failed ones per provider and model.
/// Model names come from clients, so a slot keeps at most <see cref="MaxSeriesPerSlot"/> of them and counts the
/// rest under the model <c>(other)</c>.
/// </summary>
internal sealed class LatencyCounts
{
    /// <summary>Distinct provider and model pairs a slot keeps apart.</summary>
    public const int MaxSeriesPerSlot = 50;

    /// <summary>Model name the pairs beyond <see cref="MaxSeriesPerSlot"/> are counted under.</summary>
    public const string OtherModel = "(other)";

    private const long SlotSeconds = 30;
    private static readonly int Kept = (int)(LatencyHistogram.Kept.TotalSeconds / SlotSeconds);

    private readonly Slot[] _slots = Enumerable.Range(0, Kept + 1).Select(_ => new Slot()).ToArray();
    private readonly Lock _lock = new();

    /// <summary>An attempt on <paramref name="provider"/>/<paramref name="model"/> took <paramref name="seconds"/>.</summary>
    public void Add(DateTimeOffset at, string provider, string model, double seconds, bool succeeded)
    {
        var number = at.ToUnixTimeSeconds() / SlotSeconds;
        var slot = _slots[number % _slots.Length];
        lock (_lock)
        {
            if (slot.Number != number)
            {
                slot.Number = number;
                slot.Series.Clear();
            }

            var key = slot.Series.Count < MaxSeriesPerSlot || slot.Series.ContainsKey((provider, model))
                ? (provider, model)
                : (provider, OtherModel);
            if (!slot.Series.TryGetValue(key, out var series))
            {
                series = slot.Series[key] = new Series();
            }

            if (succeeded)
            {
                series.Counts[LatencyBuckets.IndexOf(seconds)]++;
            }
            else
            {
                series.Failed++;
            }
        }
    }

    /// <summary>Each provider and model's attempts of the 5 minutes up to <paramref name="now"/>.</summary>
    public List<LatencyHistogram> Snapshot(DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds() / SlotSeconds;
        var sums = new Dictionary<(string Provider, string Model), Series>();
        lock (_lock)
        {
            foreach (var slot in _slots.Where(s => s.Number > current - Kept && s.Number <= current))
            {
                foreach (var (key, series) in slot.Series)
                {
                    if (!sums.TryGetValue(key, out var sum))
                    {
                        sum = sums[key] = new Series();
                    }

                    LatencyBuckets.AddInto(sum.Counts, series.Counts);
                    sum.Failed += series.Failed;
                }
            }
        }

        return sums
            .OrderBy(s => s.Key.Provider, StringComparer.Ordinal).ThenBy(s => s.Key.Model, StringComparer.Ordinal)
            .Select(s => new LatencyHistogram(s.Key.Provider, s.Key.Model, TrimTrailingZeros(s.Value.Counts), s.Value.Failed))
            .ToList();
    }

    private static long[] TrimTrailingZeros(long[] counts)
    {
        var length = counts.Length;
        while (length > 0 && counts[length - 1] == 0)
        {
            length--;
        }

        return counts[..length];
    }

    private sealed class Slot
    {
        public long Number { get; set; } = -1;

        public Dictionary<(string Provider, string Model), Series> Series { get; } = [];
    }

    private sealed class Series
    {
        public long[] Counts { get; } = new long[LatencyBuckets.Count];

        public long Failed { get; set; }
    }
}
