using System.Diagnostics;

namespace LlmOrleans.Bench.Load;

/// <summary>
/// The time frame of a timed run in <see cref="Stopwatch"/> ticks: a warm-up that is excluded from the
/// statistics, then the measured window. Work that started inside the window is measured.
/// </summary>
public sealed class RunWindow(TimeSpan warmup, TimeSpan duration)
{
    /// <summary>When the run started.</summary>
    public long Start { get; } = Stopwatch.GetTimestamp();

    /// <summary>When the measured window opens.</summary>
    public long MeasureFrom => Start + Ticks(warmup);

    /// <summary>When load stops.</summary>
    public long End => MeasureFrom + Ticks(duration);

    /// <summary>Length of the measured window in seconds.</summary>
    public double MeasuredSeconds => duration.TotalSeconds;

    /// <summary>Whether work started at <paramref name="timestamp"/> counts.</summary>
    public bool Measures(long timestamp) => timestamp >= MeasureFrom && timestamp < End;

    /// <summary>Whether load should stop.</summary>
    public bool IsOver => Stopwatch.GetTimestamp() >= End;

    /// <summary>Completes when the measured window opens.</summary>
    public Task OpensAsync() => Until(MeasureFrom);

    /// <summary>Completes when load stops.</summary>
    public Task EndsAsync() => Until(End);

    private static Task Until(long timestamp) =>
        Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp) is { Ticks: > 0 } wait ? Task.Delay(wait) : Task.CompletedTask;

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
