using System.Diagnostics;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>
/// Starts work at a fixed rate whatever the system's response times, each item stamped with the moment it was
/// due, so latencies include any time spent waiting to be sent (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    /// <summary>
    /// Calls <paramref name="start"/> with each due time, at <paramref name="perSecond"/>, until the window ends (or
    /// throws once <paramref name="cancellationToken"/> is cancelled).
    /// </summary>
    public static async Task RunAsync(double perSecond, RunWindow window, Action<long> start, CancellationToken cancellationToken)
    {
        var ticksPerItem = Stopwatch.Frequency / perSecond;
        long issued = 0;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= window.End)
            {
                return;
            }

            var due = (long)((now - window.Start) / ticksPerItem) + 1;
            for (; issued < due; issued++)
            {
                start(window.Start + (long)(issued * ticksPerItem));
            }

            await Task.Delay(1, cancellationToken);
        }
    }
}
