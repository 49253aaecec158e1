using System.Diagnostics;
using System.Globalization;
using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Metrics;
using Spectre.Console;

namespace LlmOrleans.Bench.Report;

/// <summary>
/// Shows a run's progress until its work ends: a live table on a terminal, one plain line a second otherwise
/// (CI logs, pipes).
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Whether stdout is a terminal that can redraw in place.</summary>
    public static bool Interactive { get; } = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static async Task ShowWhileAsync(string title, LoadCounters counters, Task work)
    {
        var sampler = new ProgressSampler(counters);
        if (Interactive)
        {
            await AnsiConsole.Live(Render(title, sampler.Next())).AutoClear(false).StartAsync(async live =>
            {
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(500));
                    live.UpdateTarget(Render(title, sampler.Next()));
                }
            });
        }
        else
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(1000));
                Console.WriteLine($"{title}: {Line(sampler.Next())}");
            }
        }

        await work;
    }

    private static Table Render(string title, ProgressSample s) =>
        new Table().Title(Markup.Escape(title)).HideHeaders()
            .AddColumn("").AddColumn(new TableColumn("").RightAligned())
            .AddRow("elapsed", $"{s.Elapsed.TotalSeconds:0.0} s")
            .AddRow("submitted", $"{N(s.Submitted)}  ({N(s.SubmittedPerSecond)}/s)")
            .AddRow("completed", $"{N(s.Completed)}  ({N(s.CompletedPerSecond)}/s)")
            .AddRow("in flight", N(s.InFlight))
            .AddRow("errors", s.Errors == 0 ? "0" : $"[red]{N(s.Errors)}[/]")
            .AddRow("RSS", $"{N(s.Memory.WorkingSetMib)} MiB");

    private static string Line(ProgressSample s) =>
        $"t={s.Elapsed.TotalSeconds:0.0}s submitted={s.Submitted} ({s.SubmittedPerSecond:0}/s) completed={s.Completed} " +
        $"({s.CompletedPerSecond:0}/s) in_flight={s.InFlight} errors={s.Errors} rss={s.Memory.WorkingSetMib:0}MiB";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private sealed record ProgressSample(
        TimeSpan Elapsed, long Submitted, double SubmittedPerSecond, long Completed, double CompletedPerSecond,
        long InFlight, long Errors, MemoryFigures Memory);

    /// <summary>Turns the counters into rates over the time since the previous sample.</summary>
    private sealed class ProgressSampler(LoadCounters counters)
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private long _last = Stopwatch.GetTimestamp();
        private long _lastSubmitted;
        private long _lastCompleted;

        public ProgressSample Next()
        {
            var now = Stopwatch.GetTimestamp();
            var seconds = Math.Max(1e-3, Stopwatch.GetElapsedTime(_last, now).TotalSeconds);
            var submitted = counters.Submitted;
            var completed = counters.Completed;
            var sample = new ProgressSample(
                Stopwatch.GetElapsedTime(_start, now), submitted, (submitted - _lastSubmitted) / seconds,
                completed, (completed - _lastCompleted) / seconds, counters.InFlight, counters.Errors.Total, MemoryFigures.Now());
            (_last, _lastSubmitted, _lastCompleted) = (now, submitted, completed);
            return sample;
        }
    }
}
