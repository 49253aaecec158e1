using LlmOrleans.Bench.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

if (Console.IsOutputRedirected)
{
    // Logs and CI keep long lines; 80 columns would fold the summary table.
    AnsiConsole.Profile.Width = 160;
}

var app = new CommandApp<SmokeCommand>();
app.Configure(config =>
{
    config.SetApplicationName("bench");
    config.AddCommand<SubmitCommand>("submit")
        .WithDescription("Closed loop: N connections POST /process back to back; submitted/s and submit latency")
        .WithExample("submit", "--embedded", "--duration", "10", "--connections", "64", "--with-baseline");
    config.AddCommand<PipelineCommand>("pipeline")
        .WithDescription("Jobs end to end (submit → result visible) at a rate (open loop) or with N waiting clients")
        .WithExample("pipeline", "--embedded", "--rate", "500", "--duration", "10")
        .WithExample("pipeline", "--url", "http://localhost:8000", "--kafka", "localhost:9092", "--clients", "32");
    config.AddCommand<BurstCommand>("burst")
        .WithDescription("K jobs as fast as possible, then the time from the last submit to the last result")
        .WithExample("burst", "--embedded", "--jobs", "10000", "--echo-latency-ms", "1000");
    config.AddCommand<KestrelBaselineCommand>("kestrel-baseline")
        .WithDescription("The submit load against a bare Kestrel JSON endpoint in this process: the machine's ceiling");
    config.AddCommand<ServeBaselineCommand>("serve-baseline")
        .WithDescription("Only serve the bare Kestrel endpoint (for an external load generator such as wrk)");
});
using var interruption = new Interruption();
var exitCode = await app.RunAsync(args, interruption.Token);
if (interruption.Token.IsCancellationRequested)
{
    Console.WriteLine("interrupted: load stopped and the system shut down before the run ended; nothing is reported.");
}

return exitCode;
