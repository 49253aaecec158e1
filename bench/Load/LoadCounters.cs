using LlmOrleans.Bench.Metrics;

namespace LlmOrleans.Bench.Load;

/// <summary>What one run counts and measures; updated from any thread, read by the live display.</summary>
public sealed class LoadCounters
{
    private long _submitted;
    private long _completed;
    private long _completedInWindow;
    private long _inFlight;
    private long _lastSubmitAt;
    private long _lastCompletionAt;

    /// <summary>Submit latency (POST sent → 202 read) of submits started in the measured window.</summary>
    public LatencyHistogram SubmitLatency { get; } = new();

    /// <summary>Submit → result visible, for jobs submitted in the measured window.</summary>
    public LatencyHistogram EndToEnd { get; } = new();

    /// <summary>The same jobs' end-to-end time split where their grain started and finished them.</summary>
    public JobStages Stages { get; } = new();

    /// <summary>Errors by kind, warm-up included.</summary>
    public ErrorTally Errors { get; } = new();

    /// <summary>Accepted submits, warm-up included.</summary>
    public long Submitted => Volatile.Read(ref _submitted);

    /// <summary>Jobs whose result became visible, warm-up included.</summary>
    public long Completed => Volatile.Read(ref _completed);

    /// <summary>Jobs whose result became visible inside the measured window.</summary>
    public long CompletedInWindow => Volatile.Read(ref _completedInWindow);

    /// <summary>Jobs submitted (or being submitted) whose result is not visible yet.</summary>
    public long InFlight => Volatile.Read(ref _inFlight);

    /// <summary>When the last accepted submit returned (Stopwatch ticks, 0 before any).</summary>
    public long LastSubmitAt => Volatile.Read(ref _lastSubmitAt);

    /// <summary>When the last result became visible (Stopwatch ticks, 0 before any).</summary>
    public long LastCompletionAt => Volatile.Read(ref _lastCompletionAt);

    /// <summary>A job is about to be submitted.</summary>
    public void JobStarted() => Interlocked.Increment(ref _inFlight);

    /// <summary>A job's submit failed or its tracking ended, however it ended.</summary>
    public void JobEnded() => Interlocked.Decrement(ref _inFlight);

    /// <summary>A submit got its 202 at <paramref name="returnedAt"/>.</summary>
    public void Accepted(long returnedAt)
    {
        Interlocked.Increment(ref _submitted);
        RaiseTo(ref _lastSubmitAt, returnedAt);
    }

    /// <summary>A job's result became visible at <paramref name="visibleAt"/>.</summary>
    public void ResultVisible(long visibleAt, bool inWindow)
    {
        Interlocked.Increment(ref _completed);
        if (inWindow)
        {
            Interlocked.Increment(ref _completedInWindow);
        }

        RaiseTo(ref _lastCompletionAt, visibleAt);
    }

    private static void RaiseTo(ref long field, long value)
    {
        var current = Volatile.Read(ref field);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref field, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
