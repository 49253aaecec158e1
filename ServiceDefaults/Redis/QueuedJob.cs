namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>What the gateway remembers of a job it accepted until a grain takes it.</summary>
/// <param name="Tenant">Who owns the job; null without authentication.</param>
public sealed record QueuedJob(DateTimeOffset CreatedAt, string Provider, string Model, string? Tenant = null)
{
    internal string Encode() => $"{CreatedAt.ToUnixTimeMilliseconds()}\n{Provider}\n{Tenant}\n{Model}";

    internal static QueuedJob? Decode(string? value)
    {
        var parts = value?.Split('\n', 4);
        return parts is [var ms, var provider, var tenant, var model] && long.TryParse(ms, out var unixMs)
            ? new QueuedJob(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), provider, model, tenant.Length > 0 ? tenant : null)
            : null;
    }
}
