using System.Diagnostics.Metrics;
using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Telemetry;

/// <summary>
/// The silo's job metrics (meter <c>LlmOrleans.Jobs</c>): finished jobs, retries, provider latency and tokens,
/// jobs in flight and job-state write latency. Provider and model tags come from the job; OpenTelemetry caps
/// the series per metric (2000 by default), so unusual model names cannot grow them without bound.
/// </summary>
public sealed class JobMetrics
{
    private static readonly double[] ProviderBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
    private static readonly double[] StorageBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _succeeded;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _providerDuration;
    private readonly Histogram<double> _storageWriteDuration;

    public JobMetrics(IMeterFactory meterFactory, RunningJobs runningJobs)
    {
        var meter = meterFactory.Create(JobTelemetry.Name);
        _succeeded = meter.CreateCounter<long>("llmorleans.jobs.succeeded", "{job}", "Jobs that finished with the provider's answer.");
        _failed = meter.CreateCounter<long>("llmorleans.jobs.failed", "{job}", "Jobs that failed for good.");
        _retries = meter.CreateCounter<long>("llmorleans.jobs.retries", "{retry}", "Failed attempts that are retried after a backoff, by reason.");
        _tokens = meter.CreateCounter<long>("llmorleans.provider.tokens", "{token}", "Tokens the providers reported, by type (input, output).");
        _providerDuration = meter.CreateHistogram("llmorleans.provider.duration", "s", "Duration of one provider attempt, by outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ProviderBuckets });
        _storageWriteDuration = meter.CreateHistogram("llmorleans.storage.write.duration", "s", "Duration of one write of a job's state to Redis.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StorageBuckets });
        meter.CreateObservableGauge("llmorleans.jobs.in_flight", () => runningJobs.Count, "{job}", "Jobs running on this silo.");
    }

    /// <summary>A job reached its final phase and that is stored.</summary>
    public void Finished(LlmJob job, bool succeeded) =>
        (succeeded ? _succeeded : _failed).Add(1, new("provider", job.Provider), new("model", job.Model));

    /// <summary>A failed attempt will be retried after a backoff.</summary>
    public void Retried(LlmJob job, string reason) =>
        _retries.Add(1, new("provider", job.Provider), new("model", job.Model), new("reason", reason));

    /// <summary>A provider attempt ended with <paramref name="outcome"/> (see <see cref="AttemptOutcome"/>).</summary>
    public void Attempted(LlmJob job, TimeSpan duration, string outcome) =>
        _providerDuration.Record(duration.TotalSeconds, new("provider", job.Provider), new("model", job.Model), new("outcome", outcome));

    /// <summary>Tokens the provider reported for a successful attempt.</summary>
    public void UsedTokens(LlmJob job, TokenUsage? usage)
    {
        if (usage?.InputTokens is { } input)
        {
            _tokens.Add(input, new("provider", job.Provider), new("model", job.Model), new("type", "input"));
        }

        if (usage?.OutputTokens is { } output)
        {
            _tokens.Add(output, new("provider", job.Provider), new("model", job.Model), new("type", "output"));
        }
    }

    /// <summary>A write of job state finished (<paramref name="stored"/>) or failed.</summary>
    public void StateWritten(TimeSpan duration, bool stored) =>
        _storageWriteDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", stored ? "ok" : "error"));
}
