namespace LlmOrleans.Grains;

/// <summary>Delay before the next attempt: exponential backoff with full jitter, or the provider's Retry-After.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// The wait after failed attempt number <paramref name="attempt"/> (1-based). A provider's
    /// Retry-After wins over the computed delay; both are capped by <see cref="JobExecutionOptions.BackoffMax"/>.
    /// </summary>
    public static TimeSpan Next(int attempt, TimeSpan? retryAfter, JobExecutionOptions options, Random random)
    {
        if (retryAfter is { } asked)
        {
            return Min(asked, options.BackoffMax);
        }

        var ceiling = options.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(ceiling, options.BackoffMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(random.NextDouble() * capped);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
