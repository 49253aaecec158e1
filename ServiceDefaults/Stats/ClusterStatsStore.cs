using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>
/// The cluster's job stats in Redis without a hot spot: each silo counts in memory and every
/// <see cref="FlushInterval"/> writes its snapshot to its own field of the <c>{ServiceId}/stats</c> hash and
/// pushes the jobs it took since onto the capped <c>{ServiceId}/recent</c> list, in one round trip; readers add
/// the fields up. A silo that stops folds its totals into the <c>{ServiceId}/stats/retired</c> hash and drops its
/// field, so the cluster's totals survive scale-in and rolling restarts.
/// </summary>
public sealed class ClusterStatsStore(IConnectionMultiplexer redis, IOptions<ClusterIdentityOptions> cluster)
{
    /// <summary>How often each silo writes its snapshot.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);

    /// <summary>A silo not heard from for this long is gone: its in-flight jobs and lag no longer count.</summary>
    public static readonly TimeSpan GoneAfter = TimeSpan.FromSeconds(15);

    /// <summary>A gone silo (it crashed, so it never folded its totals) is folded into the retired totals after this long.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);

    /// <summary>How many recently taken jobs the list keeps.</summary>
    public const int RecentCapacity = 200;

    private static readonly RedisValue[] TotalFields = ["started", "succeeded", "failed", "retries"];

    private string ServiceId => cluster.Value.ServiceId;

    private RedisKey Silos => $"{ServiceId}/stats";

    private RedisKey Retired => $"{ServiceId}/stats/retired";

    private RedisKey Recent => $"{ServiceId}/recent";

    /// <summary>Writes a silo's snapshot and the jobs it took since the last write; returns the snapshot's size in bytes.</summary>
    public async Task<int> WriteAsync(SiloStatsSnapshot snapshot, IReadOnlyList<RecentJob> taken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(snapshot, StatsJsonContext.Default.SiloStatsSnapshot);
        var batch = redis.GetDatabase().CreateBatch();
        var writes = new List<Task> { batch.HashSetAsync(Silos, snapshot.SiloId, json) };
        PushRecent(batch, taken, writes);
        batch.Execute();
        await Task.WhenAll(writes);
        return json.Length;
    }

    /// <summary>A silo stops: its last jobs go onto the list, its totals into the retired ones, and its field goes.</summary>
    public async Task RetireAsync(SiloStatsSnapshot snapshot, IReadOnlyList<RecentJob> taken)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        var writes = new List<Task>();
        PushRecent(transaction, taken, writes);
        Fold(transaction, snapshot, writes);
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    /// <summary>Every silo's last snapshot (fields that do not decode are skipped) and the retired totals.</summary>
    public async Task<(IReadOnlyList<StoredSiloStats> Silos, JobTotals Retired)> ReadAsync()
    {
        var batch = redis.GetDatabase().CreateBatch();
        var silos = batch.HashGetAllAsync(Silos);
        var retired = batch.HashGetAsync(Retired, TotalFields);
        batch.Execute();
        var stored = (await silos)
            .Select(entry => Decode(entry.Value) is { } snapshot ? new StoredSiloStats(snapshot, entry.Value) : null)
            .OfType<StoredSiloStats>()
            .ToList();
        var totals = (await retired).Select(value => value.TryParse(out long n) ? n : 0).ToArray();
        return (stored, new JobTotals(totals[0], totals[1], totals[2], totals[3]));
    }

    /// <summary>
    /// Folds a gone silo's totals into the retired ones and drops its field, unless its field changed since it was
    /// read (it came back, or another reader did this first); returns whether it did.
    /// </summary>
    public Task<bool> ForgetAsync(StoredSiloStats silo)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(Silos, silo.Snapshot.SiloId, silo.Raw));
        Fold(transaction, silo.Snapshot, []);
        return transaction.ExecuteAsync();
    }

    /// <summary>The most recently taken jobs, newest first.</summary>
    public async Task<IReadOnlyList<RecentJob>> RecentAsync(int limit) =>
        (await redis.GetDatabase().ListRangeAsync(Recent, 0, limit - 1))
            .Select(value => RecentJob.Decode(value))
            .OfType<RecentJob>()
            .ToList();

    private void PushRecent(IDatabaseAsync batch, IReadOnlyList<RecentJob> taken, List<Task> writes)
    {
        if (taken.Count == 0)
        {
            return;
        }

        // LPUSH puts each value at the head in turn, so the last one taken ends up first.
        writes.Add(batch.ListLeftPushAsync(Recent, taken.Select(job => (RedisValue)job.Encode()).ToArray()));
        writes.Add(batch.ListTrimAsync(Recent, 0, RecentCapacity - 1));
    }

    private void Fold(IDatabaseAsync transaction, SiloStatsSnapshot snapshot, List<Task> writes)
    {
        var totals = snapshot.Totals;
        long[] values = [totals.Started, totals.Succeeded, totals.Failed, totals.Retries];
        for (var i = 0; i < TotalFields.Length; i++)
        {
            writes.Add(transaction.HashIncrementAsync(Retired, TotalFields[i], values[i]));
        }

        writes.Add(transaction.HashDeleteAsync(Silos, snapshot.SiloId));
    }

    private static SiloStatsSnapshot? Decode(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize((byte[])value!, StatsJsonContext.Default.SiloStatsSnapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
