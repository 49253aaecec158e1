namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>A job a silo took, as remembered in the capped <c>{ServiceId}/recent</c> list.</summary>
public sealed record RecentJob(string RequestId, DateTimeOffset CreatedAt)
{
    internal string Encode() => $"{RequestId}\n{CreatedAt.ToUnixTimeMilliseconds()}";

    internal static RecentJob? Decode(string? value)
    {
        var parts = value?.Split('\n', 2);
        return parts is [var id, var ms] && long.TryParse(ms, out var unixMs)
            ? new RecentJob(id, DateTimeOffset.FromUnixTimeMilliseconds(unixMs))
            : null;
    }
}
