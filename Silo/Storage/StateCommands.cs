using LlmOrleans.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace LlmOrleans.Silo.Storage;

/// <summary>
/// Grain-state reads, etag-checked writes and deletes, grouped (<see cref="CommandGroups{T}"/>): the commands
/// issued while one group is in flight go to Redis as the next, in one script with one reply, in the order they
/// were issued. A write sets the key's expiry, as Orleans' Redis storage does. Each command's task completes with
/// its own answer or faults with its group's error. The keys of a group may lie anywhere: a single Redis or a
/// primary with replicas, not Redis Cluster.
/// </summary>
public sealed class StateCommands
{
    /// <summary>The most commands in one group.</summary>
    public const int MaxGroupSize = 256;

    /// <summary>Past a group's first command, the most state bytes it carries.</summary>
    public const long MaxGroupBytes = 1024 * 1024;

    private const string Read = "r";
    private const string Write = "w";
    private const string Delete = "d";

    // ARGV[1] is the expiry in seconds (-1: none), then four per key in KEYS order: operation, expected etag
    // ('' for none), new etag, data. A read answers {etag, data}; a write or delete 0, or -1 on an etag mismatch.
    private const string Script = """
        local ttl = ARGV[1]
        local answers = {}
        for i = 1, #KEYS do
          local a = 4 * i - 2
          local op = ARGV[a]
          if op == 'r' then
            answers[i] = redis.call('HMGET', KEYS[i], 'etag', 'data')
          else
            local etag = redis.call('HGET', KEYS[i], 'etag')
            if ((not etag or etag == '') and ARGV[a + 1] == '') or etag == ARGV[a + 1] then
              if op == 'w' then
                redis.call('HSET', KEYS[i], 'etag', ARGV[a + 2], 'data', ARGV[a + 3])
                if ttl ~= '-1' then
                  redis.call('EXPIRE', KEYS[i], ttl)
                end
              else
                redis.call('UNLINK', KEYS[i])
              end
              answers[i] = 0
            else
              answers[i] = -1
            end
          end
        end
        return answers
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisValue _expirySeconds;
    private readonly CommandGroups<Command> _groups;

    /// <param name="redis">The connection.</param>
    /// <param name="expiry">Expiry set on every write, whole seconds; null for none.</param>
    public StateCommands(IConnectionMultiplexer redis, TimeSpan? expiry)
    {
        _redis = redis;
        _expirySeconds = expiry is { } e ? (long)Math.Ceiling(e.TotalSeconds) : -1;
        _groups = new CommandGroups<Command>(SendAsync, MaxGroupSize, MaxGroupBytes, static c => c.Data.Length);
    }

    /// <summary>The record's etag and data; both null when there is none.</summary>
    public async Task<(RedisValue Etag, RedisValue Data)> ReadAsync(RedisKey key)
    {
        var answer = await Enqueue(new Command(Read, key, RedisValue.EmptyString, RedisValue.EmptyString, ReadOnlyMemory<byte>.Empty));
        var fields = (RedisValue[])answer!;
        return (fields[0], fields[1]);
    }

    /// <summary>Stores <paramref name="data"/> under <paramref name="newEtag"/>; false when the stored etag is not <paramref name="etag"/>.</summary>
    public async Task<bool> WriteAsync(RedisKey key, string? etag, string newEtag, ReadOnlyMemory<byte> data) =>
        (int)await Enqueue(new Command(Write, key, etag ?? string.Empty, newEtag, data)) == 0;

    /// <summary>Deletes the record; false when the stored etag is not <paramref name="etag"/>.</summary>
    public async Task<bool> DeleteAsync(RedisKey key, string? etag) =>
        (int)await Enqueue(new Command(Delete, key, etag ?? string.Empty, RedisValue.EmptyString, ReadOnlyMemory<byte>.Empty)) == 0;

    private Task<RedisResult> Enqueue(Command command)
    {
        _groups.Enqueue(command);
        return command.Task;
    }

    private async Task SendAsync(List<Command> group)
    {
        var keys = new RedisKey[group.Count];
        var arguments = new RedisValue[1 + group.Count * 4];
        arguments[0] = _expirySeconds;
        for (var i = 0; i < group.Count; i++)
        {
            var command = group[i];
            keys[i] = command.Key;
            arguments[1 + 4 * i] = command.Operation;
            arguments[2 + 4 * i] = command.Etag;
            arguments[3 + 4 * i] = command.NewEtag;
            arguments[4 + 4 * i] = command.Data;
        }

        RedisResult[] answers;
        try
        {
            answers = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(Script, keys, arguments).ConfigureAwait(false))!;
        }
        catch (Exception ex)
        {
            foreach (var command in group)
            {
                command.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].TrySetResult(answers[i]);
        }
    }

    // Continuations run inline: each is a grain's resume onto its own scheduler, so a thread-pool item per
    // command would bring back the hand-offs the group saves.
    private sealed class Command(string operation, RedisKey key, RedisValue etag, RedisValue newEtag, ReadOnlyMemory<byte> data)
        : TaskCompletionSource<RedisResult>
    {
        public string Operation { get; } = operation;

        public RedisKey Key { get; } = key;

        public RedisValue Etag { get; } = etag;

        public RedisValue NewEtag { get; } = newEtag;

        public ReadOnlyMemory<byte> Data { get; } = data;
    }
}
