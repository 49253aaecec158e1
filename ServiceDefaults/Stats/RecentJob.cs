namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>
/// A job a silo took, as remembered in the capped <c>{ServiceId}/recent</c> list, with its tenant so a reader
/// can pick its own jobs before asking any grain.
/// </summary>
public sealed record RecentJob(string RequestId, DateTimeOffset CreatedAt, string? Tenant = null)
{
    internal string Encode() => $"{RequestId}\n{CreatedAt.ToUnixTimeMilliseconds()}\n{Tenant}";

    internal static RecentJob? Decode(string? value)
    {
        var parts = value?.Split('\n', 3);
        return parts is [var id, var ms, ..] && long.TryParse(ms, out var unixMs)
            ? new RecentJob(id, DateTimeOffset.FromUnixTimeMilliseconds(unixMs), parts is [_, _, { Length: > 0 } tenant] ? tenant : null)
            : null;
    }
}
