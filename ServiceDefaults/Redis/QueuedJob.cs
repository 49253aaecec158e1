namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>What the gateway remembers of a job it accepted until a grain takes it.</summary>
public sealed record QueuedJob(DateTimeOffset CreatedAt, string Provider, string Model)
{
    internal string Encode() => $"{CreatedAt.ToUnixTimeMilliseconds()}\n{Provider}\n{Model}";

    internal static QueuedJob? Decode(string? value)
    {
        var parts = value?.Split('\n', 3);
        return parts is [var ms, var provider, var model] && long.TryParse(ms, out var unixMs)
            ? new QueuedJob(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), provider, model)
            : null;
    }
}
