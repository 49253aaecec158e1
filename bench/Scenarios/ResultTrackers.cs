using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Results;
using LlmOrleans.Bench.Targets;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>Picks and starts the result tracker a plan asks for.</summary>
public static class ResultTrackers
{
    public static IResultTracker Start(ResultPlan plan, BenchTarget target, LoadClient client, ErrorTally errors, int pollers)
    {
        var kafka = plan.Via switch
        {
            "kafka" => target.KafkaBootstrapServers
                ?? throw new InvalidOperationException("--results kafka needs --kafka (or --embedded)."),
            "auto" => target.KafkaBootstrapServers,
            _ => null,
        };
        return kafka is not null ? KafkaResultTracker.Start(kafka, plan.ResponseTopic, plan.ReaderFetchWaitMs, errors)
            : plan.Via == "longpoll" ? new LongPollResultTracker(client.Http.BaseAddress!, errors)
            : new PollingResultTracker(client, errors, plan.PollInterval, pollers);
    }
}
