using System.Text.Json;
using LlmOrleans.Testing;

namespace LlmOrleans.Reliability.Tests;

/// <summary>What a consumer of llm.responses sees, de-duplicated by key as the message docs advise.</summary>
public sealed record ResponseLedger(int Records, int Jobs, int Duplicates, IReadOnlyList<string> Conflicting)
{
    /// <summary>Reads llm.responses for <paramref name="ids"/>, waiting until every one has a record.</summary>
    public static async Task<ResponseLedger> ReadAsync(string bootstrapServers, IReadOnlyCollection<string> ids)
    {
        var wanted = ids.ToHashSet();
        var records = await Eventually.UntilAsync(
            () => Task.FromResult(KafkaTopic.ReadAll(bootstrapServers, "llm.responses").Where(m => m.Key is not null && wanted.Contains(m.Key)).ToList()),
            r => r.Select(m => m.Key).Distinct().Count() == wanted.Count,
            TimeSpan.FromSeconds(60),
            "a result record for every job on llm.responses");
        var byJob = records.GroupBy(m => m.Key!).ToList();
        var conflicting = byJob
            .Where(g => g.Select(m => Outcome(m.Value)).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        return new ResponseLedger(records.Count, byJob.Count, records.Count - byJob.Count, conflicting);
    }

    private static string Outcome(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return $"{root.GetProperty("status").GetString()}|{root.GetProperty("output").GetString()}|{root.GetProperty("error").GetString()}";
    }
}
