using System.Collections.Concurrent;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Grains.Quotas;

namespace LlmOrleans.Grains.Tests;

/// <summary>Remembers which jobs gave their quota place back.</summary>
public sealed class RecordingJobQuota : IJobQuota
{
    private readonly ConcurrentDictionary<string, LlmJob> _released = new();

    public bool WasReleased(string requestId) => _released.ContainsKey(requestId);

    public void Release(LlmJob job) => _released[job.RequestId] = job;
}
