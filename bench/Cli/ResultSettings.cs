using System.ComponentModel;
using LlmOrleans.Bench.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmOrleans.Bench.Cli;

/// <summary>How a run that waits for results sees them.</summary>
public class ResultSettings : TargetSettings
{
    [CommandOption("--results <VIA>")]
    [Description("auto (kafka when its address is known), kafka (read llm.responses), poll (GET /result/{id} every --poll-interval-ms) or longpoll (GET /result/{id}?wait=20)")]
    [DefaultValue("auto")]
    public string Results { get; init; } = "auto";

    [CommandOption("--poll-interval-ms <MS>")]
    [Description("With poll: how often each job is polled (latency is seen to within this)")]
    [DefaultValue(10)]
    public int PollIntervalMs { get; init; } = 10;

    [CommandOption("--response-topic <TOPIC>")]
    [Description("With kafka: the response topic")]
    [DefaultValue("llm.responses")]
    public string ResponseTopic { get; init; } = "llm.responses";

    [CommandOption("--reader-fetch-wait-ms <MS>")]
    [Description("With kafka: fetch.wait.max.ms of the bench's own consumer (the mock broker holds an empty fetch this long)")]
    [DefaultValue(5)]
    public int ReaderFetchWaitMs { get; init; } = 5;

    public ResultPlan ResultPlan() => new(Results, TimeSpan.FromMilliseconds(PollIntervalMs), ResponseTopic, ReaderFetchWaitMs);

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return !result.Successful ? result
            : Results is not ("auto" or "kafka" or "poll" or "longpoll") ? ValidationResult.Error("--results must be auto, kafka, poll or longpoll.")
            : Results == "kafka" && Url is not null && Kafka is null ? ValidationResult.Error("--results kafka with --url needs --kafka <BOOTSTRAP>.")
            : PollIntervalMs < 1 ? ValidationResult.Error("--poll-interval-ms must be at least 1.")
            : ReaderFetchWaitMs < 0 ? ValidationResult.Error("--reader-fetch-wait-ms must not be negative.")
            : ValidationResult.Success();
    }
}
