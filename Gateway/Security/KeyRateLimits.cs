using System.Globalization;
using System.Threading.RateLimiting;
using LlmOrleans.Gateway.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace LlmOrleans.Gateway.Security;

/// <summary>
/// Each API key's request rate through this gateway: a token bucket per key refilled at its
/// <c>requests_per_second</c>, holding <c>burst</c> tokens. Over it, 429 with <c>Retry-After</c>.
/// </summary>
public static class KeyRateLimits
{
    /// <summary>The limiter for every request; requests without a key or without a rate are not limited.</summary>
    public static PartitionedRateLimiter<HttpContext> Create() =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetCaller()?.Key is { RequestsPerSecond: { } rate } key
                ? RateLimitPartition.GetTokenBucketLimiter($"{key.Id}|{rate}|{key.Burst}", _ => Bucket(rate, key.Burst))
                : RateLimitPartition.GetNoLimiter(string.Empty));

    /// <summary>Answers a rejected request: 429, <c>Retry-After</c> and a problem naming the limit.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"This API key is over its request rate; retry in {seconds} s.";
        await Problems.Field(StatusCodes.Status429TooManyRequests, "Too many requests", detail, "requests_per_second", detail)
            .ExecuteAsync(rejected.HttpContext);
    }

    private static TokenBucketRateLimiterOptions Bucket(double rate, int burst)
    {
        var tokens = Math.Max(1, (int)Math.Round(rate));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = Math.Min(tokens, burst),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Min(tokens, burst) / rate),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
