using System.Text.Json;
using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Report;
using Spectre.Console;
using Spectre.Console.Testing;

namespace LlmOrleans.Bench.Tests;

/// <summary>
/// What a run reports: the summary table a reader compares runs by, the JSON file other tools read, and an exit code
/// that says whether every job succeeded. (One class: the table goes to the process-wide console.)
/// </summary>
public sealed class ReportOutputTests : IDisposable
{
    private readonly IAnsiConsole _console = AnsiConsole.Console;
    private readonly TestConsole _captured = new();
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");

    public ReportOutputTests()
    {
        _captured.Profile.Width = 240;
        AnsiConsole.Console = _captured;
    }

    public void Dispose()
    {
        AnsiConsole.Console = _console;
        File.Delete(_json);
    }

    [Fact]
    public async Task A_clean_run_exits_0_and_its_table_shows_the_figures()
    {
        var report = Report(Runs.Pipeline(2600, 51));

        Assert.Equal(0, await ReportOutput.PublishAsync(report, jsonPath: null));

        var output = _captured.Output;
        Assert.Contains("17.50 / 33.00 / 45.30 / 120.0", output);
        Assert.Contains("1.30 / 2,400", output);
        Assert.Matches(@"in flight at window start\s*│\s*51\s*│", output);
        Assert.DoesNotContain("(behind)", output);
        Assert.Contains("gateway end to end over the kafka baseline p50/p95/p99 (ms): +5.00 / +15.00 / +27.80", output);
    }

    [Fact]
    public async Task A_run_that_opened_behind_is_marked_in_the_table_and_the_json()
    {
        var report = Report(Runs.Pipeline(2600, 12_689));

        await ReportOutput.PublishAsync(report, _json);

        Assert.Contains("12,689 (behind)", _captured.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.True(run.GetProperty("opened_behind").GetBoolean());
        Assert.Equal(12_689, run.GetProperty("in_flight_at_window_open").GetInt64());
        Assert.Equal(1.3, run.GetProperty("runtime").GetProperty("jit_seconds").GetDouble());
        Assert.Equal(2_400, run.GetProperty("runtime").GetProperty("jit_methods").GetInt64());
        Assert.Equal(45.3, run.GetProperty("end_to_end").GetProperty("p99").GetDouble());
        Assert.Equal(27.8, json.RootElement.GetProperty("over_kafka_baseline").GetProperty("p99").GetDouble(), 9);
        Assert.False(run.TryGetProperty("settled", out _));
    }

    [Fact]
    public async Task A_run_with_errors_exits_1_and_lists_them_by_kind()
    {
        var report = Report(Runs.Pipeline(2600, 51) with { Errors = new Dictionary<string, long> { ["timeout"] = 25_639, ["http 503"] = 4 } });

        Assert.Equal(1, await ReportOutput.PublishAsync(report, _json));

        Assert.Matches(@"errors\s*│\s*25,643\s*│", _captured.Output);
        Assert.Matches(@"timeout\s*│\s*25,639\s*│", _captured.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        Assert.False(json.RootElement.GetProperty("clean").GetBoolean());
        Assert.Equal(25_639, json.RootElement.GetProperty("runs")[0].GetProperty("errors").GetProperty("timeout").GetInt64());
    }

    private static BenchReport Report(RunResult run) => new()
    {
        Command = "pipeline",
        Target = "embedded",
        Runs = [run],
        OverKafkaBaseline = LatencyExcess.Between(run.EndToEnd!, new LatencySummary(78_000, 12.5, 18.0, 17.5, 30.0, 13.0)),
    };
}
