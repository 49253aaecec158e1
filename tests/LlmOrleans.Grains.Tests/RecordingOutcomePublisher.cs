using System.Collections.Concurrent;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Outcomes;

namespace LlmOrleans.Grains.Tests;

/// <summary>Records every outcome the grains publish; can fail a job's first publishes like a broker outage.</summary>
public sealed class RecordingOutcomePublisher : IJobOutcomePublisher
{
    private readonly ConcurrentBag<(LlmJob Job, JobSnapshot Outcome)> _published = [];
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private readonly ConcurrentDictionary<string, int> _failuresToInject = new();

    /// <summary>Makes the first <paramref name="count"/> publishes for <paramref name="requestId"/> throw.</summary>
    public void FailFirst(string requestId, int count) => _failuresToInject[requestId] = count;

    /// <summary>Outcomes published for <paramref name="requestId"/> (failed tries excluded).</summary>
    public IReadOnlyList<(LlmJob Job, JobSnapshot Outcome)> PublishedFor(string requestId) =>
        [.. _published.Where(p => p.Job.RequestId == requestId)];

    /// <summary>Every publish attempt for <paramref name="requestId"/>, failed ones included.</summary>
    public int TriesFor(string requestId) => _tries.GetValueOrDefault(requestId);

    public Task PublishAsync(LlmJob job, JobSnapshot outcome, CancellationToken cancellationToken)
    {
        var attempt = _tries.AddOrUpdate(job.RequestId, 1, (_, n) => n + 1);
        if (attempt <= _failuresToInject.GetValueOrDefault(job.RequestId))
        {
            throw new InvalidOperationException($"Broker unavailable (injected failure {attempt}).");
        }

        _published.Add((job, outcome));
        return Task.CompletedTask;
    }
}
