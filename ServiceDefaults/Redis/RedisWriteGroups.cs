using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>
/// Small keyed writes (add to a set, remove from a set, delete a key) sent in groups (<see cref="CommandGroups{T}"/>):
/// the writes issued while one group is in flight go together as the next, as one script with one reply. Each write's task completes once its group is applied, or faults with
/// the group's error, so callers keep their own retries. The keys of a group may lie anywhere: this needs a single
/// Redis or a primary with replicas, not Redis Cluster.
/// </summary>
public sealed class RedisWriteGroups
{
    /// <summary>The most writes in one group.</summary>
    public const int MaxGroupSize = 512;

    private const string AddToSet = "a";
    private const string RemoveFromSet = "r";
    private const string Delete = "d";

    // ARGV holds an operation and a member per key, in KEYS order.
    private const string Script = """
        for i = 1, #KEYS do
          local op = ARGV[2 * i - 1]
          if op == 'a' then
            redis.call('SADD', KEYS[i], ARGV[2 * i])
          elseif op == 'r' then
            redis.call('SREM', KEYS[i], ARGV[2 * i])
          else
            redis.call('UNLINK', KEYS[i])
          end
        end
        return #KEYS
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly CommandGroups<Write> _groups;

    public RedisWriteGroups(IConnectionMultiplexer redis)
    {
        _redis = redis;
        _groups = new CommandGroups<Write>(SendAsync, MaxGroupSize, MaxGroupSize, static _ => 1);
    }

    /// <summary><c>SADD set member</c>, in the next group.</summary>
    public Task SetAddAsync(RedisKey set, RedisValue member) => Enqueue(new Write(AddToSet, set, member));

    /// <summary><c>SREM set member</c>, in the next group.</summary>
    public Task SetRemoveAsync(RedisKey set, RedisValue member) => Enqueue(new Write(RemoveFromSet, set, member));

    /// <summary><c>UNLINK key</c>, in the next group.</summary>
    public Task DeleteAsync(RedisKey key) => Enqueue(new Write(Delete, key, RedisValue.EmptyString));

    private Task Enqueue(Write write)
    {
        _groups.Enqueue(write);
        return write.Task;
    }

    private async Task SendAsync(List<Write> group)
    {
        var keys = new RedisKey[group.Count];
        var arguments = new RedisValue[group.Count * 2];
        for (var i = 0; i < group.Count; i++)
        {
            keys[i] = group[i].Key;
            arguments[2 * i] = group[i].Operation;
            arguments[2 * i + 1] = group[i].Member;
        }

        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(Script, keys, arguments).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var write in group)
            {
                write.TrySetException(ex);
            }

            return;
        }

        foreach (var write in group)
        {
            write.TrySetResult();
        }
    }

    // Continuations run inline: a grain's resume onto its own scheduler, a dispatcher's a few cheap steps.
    // A thread-pool item per write would bring back the hand-offs the group saves.
    private sealed class Write(string operation, RedisKey key, RedisValue member) : TaskCompletionSource
    {
        public string Operation { get; } = operation;

        public RedisKey Key { get; } = key;

        public RedisValue Member { get; } = member;
    }
}
