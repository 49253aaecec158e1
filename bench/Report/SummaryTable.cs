using System.Globalization;
using LlmOrleans.Bench.Metrics;
using Spectre.Console;

namespace LlmOrleans.Bench.Report;

/// <summary>The end-of-run table: one column per run, one row per figure.</summary>
public static class SummaryTable
{
    public static void Write(BenchReport report)
    {
        var runs = report.Runs;
        var table = new Table().Title($"bench {report.Command}").AddColumn("");
        foreach (var run in runs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(run.Target)).RightAligned());
        }

        void Row(string label, Func<RunResult, string?> value)
        {
            var cells = runs.Select(value).ToList();
            if (cells.Any(c => c is not null))
            {
                table.AddRow([label, .. cells.Select(c => Markup.Escape(c ?? "–"))]);
            }
        }

        Row("load", r => r.Shape);
        Row("results via", r => r.ResultsVia);
        Row(runs.Any(r => r.Mode == "burst") ? "submit phase (s)" : "measured window (s)", r => F(r.MeasuredSeconds, "0.00"));
        Row("submitted", r => N(r.Submitted));
        Row("submitted/s", r => N(r.SubmittedPerSecond));
        Row("completed", r => r.Completed is { } c ? N(c) : null);
        Row("completed/s", r => r.CompletedPerSecond is { } c ? N(c) : null);
        Row("submit p50/p95/p99/max (ms)", r => Latency(r.SubmitLatency));
        Row("end-to-end p50/p95/p99/max (ms)", r => Latency(r.EndToEnd));
        Row("  minus provider p50/p95/p99/max (ms)", r => r.Overhead is null || r.ProviderLatencyMs is not > 0 ? null : $"{Latency(r.Overhead)} (−{r.ProviderLatencyMs:0} ms)");
        Row("  POST → started p50/p95/p99/max (ms)", r => Latency(r.Stages?.ToStart));
        Row("  started → finished", r => Latency(r.Stages?.Running));
        Row("  finished → visible", r => Latency(r.Stages?.ToVisible));
        Row("last submit → last result (s)", r => r.LastSubmitToLastResultSeconds is { } s ? F(s, "0.000") : null);
        Row("in flight at window start", r => r.InFlightAtWindowOpen is { } n ? N(n) + (r.OpenedBehind ? " (behind)" : "") : null);
        Row("errors", r => N(r.ErrorCount));
        foreach (var kind in runs.SelectMany(r => r.Errors.Keys).Distinct())
        {
            Row($"  {kind}", r => r.Errors.TryGetValue(kind, out var n) ? N(n) : null);
        }

        Row("RSS before / after / peak (MiB)", r => $"{r.MemoryBefore.WorkingSetMib:0} / {r.MemoryAfter.WorkingSetMib:0} / {r.MemoryAfter.PeakWorkingSetMib:0}");
        Row("GC heap before / after (MiB)", r => $"{r.MemoryBefore.GcHeapMib:0} / {r.MemoryAfter.GcHeapMib:0}");
        Row("settled: after (s)", r => r.Settled is { } s ? F(s.Seconds, "0") : null);
        Row("  RSS / vs before", r => r.Settled is { } s ? $"{s.Memory.WorkingSetMib:0} MiB / {s.Memory.WorkingSetMib / r.MemoryBefore.WorkingSetMib - 1:+0.0%;-0.0%}" : null);
        Row("  GC heap / vs before", r => r.Settled is { } s ? $"{s.Memory.GcHeapMib:0} MiB / {s.Memory.GcHeapMib / r.MemoryBefore.GcHeapMib - 1:+0.0%;-0.0%}" : null);
        Row("  job grains at end / settled", r => r.Settled is { JobGrainsAtEnd: { } end } s ? $"{N(end)} / {N(s.JobGrainsAfter ?? 0)}" : null);

        Row("CPU used (cores)", r => F(r.Runtime.CpuCores, "0.00"));
        Row("GC pause (% of wall) / gen0,1,2", r => $"{F(r.Runtime.GcPausePercent, "0.0")} % / {r.Runtime.Gen0},{r.Runtime.Gen1},{r.Runtime.Gen2}");
        Row("allocated per job (KiB) / pool items per job", r => r.Completed is > 0
            ? $"{F(r.Runtime.AllocatedBytes / 1024.0 / r.Completed.Value, "0.0")} / {F((double)r.Runtime.WorkItems / r.Completed.Value, "0.0")}"
            : null);
        Row("lock contentions / pool threads", r => $"{N(r.Runtime.LockContentions)} / {r.Runtime.ThreadPoolThreads}");
        Row("JIT time (s) / methods compiled", r => $"{F(r.Runtime.JitSeconds, "0.00")} / {N(r.Runtime.JitMethods)}");

        AnsiConsole.Write(table);
        if (report.GatewayToBaselineRatio is { } ratio)
        {
            AnsiConsole.WriteLine($"gateway / kestrel baseline submitted/s: {ratio:P1}");
        }

        if (report.OverKafkaBaseline is { } excess)
        {
            AnsiConsole.WriteLine($"gateway end to end over the kafka baseline p50/p95/p99 (ms): {F(excess.P50, "+0.00;-0.00")} / {F(excess.P95, "+0.00;-0.00")} / {F(excess.P99, "+0.00;-0.00")}");
        }

        AnsiConsole.WriteLine($"target: {report.Target}");
        AnsiConsole.WriteLine($"machine: {report.Machine}");
        foreach (var note in report.Notes)
        {
            AnsiConsole.WriteLine($"note: {note}");
        }
    }

    private static string? Latency(LatencySummary? s) =>
        s is null ? null : $"{F(s.P50, "0.00")} / {F(s.P95, "0.00")} / {F(s.P99, "0.00")} / {F(s.Max, "0.0")}";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
