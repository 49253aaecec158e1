using System.Collections.Concurrent;

namespace LlmOrleans.Grains.Tests;

/// <summary>Which job state writes should fail, like Redis being briefly unreachable, and how many landed.</summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<string, int> _failingWrites = new();
    private readonly ConcurrentDictionary<string, int> _storedWrites = new();

    /// <summary>Makes the next <paramref name="count"/> writes of job <paramref name="requestId"/> throw.</summary>
    public void FailNextWrites(string requestId, int count) => _failingWrites[requestId] = count;

    /// <summary>How many writes of job <paramref name="requestId"/> reached storage.</summary>
    public int StoredWrites(string requestId) => _storedWrites.GetValueOrDefault(requestId);

    /// <summary>True when this write of <paramref name="requestId"/> should fail; counts it off.</summary>
    public bool ShouldFailWrite(string requestId)
    {
        while (_failingWrites.TryGetValue(requestId, out var left) && left > 0)
        {
            if (_failingWrites.TryUpdate(requestId, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    public void WriteStored(string requestId) => _storedWrites.AddOrUpdate(requestId, 1, (_, n) => n + 1);
}
