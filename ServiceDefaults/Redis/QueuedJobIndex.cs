using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>
/// Marks jobs the gateway accepted that no grain has taken yet, so a status read says "queued" from the
/// moment <c>POST /process</c> returns, even while the silos are down or behind. The silo removes the
/// mark once the job's grain has durably stored it; the mark also expires on its own.
/// </summary>
public sealed class QueuedJobIndex(IConnectionMultiplexer redis, RedisWriteGroups writes, IOptions<ClusterIdentityOptions> cluster)
{
    /// <summary>How long a mark lives when no silo ever takes the job.</summary>
    public static readonly TimeSpan MarkLifetime = TimeSpan.FromDays(1);

    // One script for a whole group: one command and one reply however many jobs, all marks or none.
    private const string MarkAllScript = """
        for i = 1, #KEYS do
          redis.call('SET', KEYS[i], ARGV[i], 'EX', ARGV[#ARGV])
        end
        return #KEYS
        """;

    private static readonly RedisValue MarkLifetimeSeconds = (long)MarkLifetime.TotalSeconds;

    /// <summary>Records that each of <paramref name="jobs"/> was accepted, in one round trip.</summary>
    public Task MarkAllAsync(IReadOnlyList<(string RequestId, QueuedJob Job)> jobs)
    {
        var keys = new RedisKey[jobs.Count];
        var values = new RedisValue[jobs.Count + 1];
        for (var i = 0; i < jobs.Count; i++)
        {
            keys[i] = Key(jobs[i].RequestId);
            values[i] = jobs[i].Job.Encode();
        }

        values[^1] = MarkLifetimeSeconds;
        return redis.GetDatabase().ScriptEvaluateAsync(MarkAllScript, keys, values);
    }

    /// <summary>The accepted job, or null when no mark exists.</summary>
    public async Task<QueuedJob?> GetAsync(string requestId) =>
        QueuedJob.Decode(await redis.GetDatabase().StringGetAsync(Key(requestId)));

    /// <summary>Drops the mark without waiting, for a job that was not accepted after all.</summary>
    public void Forget(string requestId) => redis.GetDatabase().KeyDelete(Key(requestId), CommandFlags.FireAndForget);

    /// <summary>Drops the mark once the job's grain owns the job, in a group with other jobs' writes.</summary>
    public Task RemoveAsync(string requestId) => writes.DeleteAsync(Key(requestId));

    private RedisKey Key(string requestId) => $"{cluster.Value.ServiceId}/queued/{requestId}";
}
