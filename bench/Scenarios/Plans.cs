namespace LlmOrleans.Bench.Scenarios;

/// <summary>Closed loop of POST /process: <paramref name="Connections"/> senders for the window.</summary>
public sealed record SubmitPlan(int Connections, TimeSpan Warmup, TimeSpan Duration, TimeSpan RequestTimeout);

/// <summary>
/// Jobs end to end for the window: open loop at <paramref name="Rate"/> jobs/s, or closed loop of
/// <paramref name="Clients"/> clients each waiting for its result before the next submit.
/// </summary>
public sealed record PipelinePlan(
    int Connections, TimeSpan Warmup, TimeSpan Duration, TimeSpan RequestTimeout,
    double? Rate, int? Clients, int MaxInFlight, TimeSpan DrainTimeout, ResultPlan Results);

/// <summary><paramref name="Jobs"/> submitted as fast as <paramref name="Connections"/> allow, then awaited.</summary>
public sealed record BurstPlan(int Connections, int Jobs, TimeSpan RequestTimeout, TimeSpan Timeout, ResultPlan Results);

/// <summary>How to see results: <c>auto</c> (Kafka when its address is known), <c>kafka</c> or <c>poll</c>.</summary>
public sealed record ResultPlan(string Via, TimeSpan PollInterval, string ResponseTopic, int ReaderFetchWaitMs);
