namespace LlmOrleans.Grains.Providers;

/// <summary>
/// A provider call failed. <see cref="IsTransient"/> says whether another attempt may succeed;
/// the message is the provider's own, safe to show to the job's owner (no secrets).
/// </summary>
public sealed class LlmProviderException(
    string message,
    bool isTransient,
    int? statusCode = null,
    TimeSpan? retryAfter = null,
    Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>True for failures worth retrying: 429, 498, 5xx, timeouts, dropped connections, broken replies.</summary>
    public bool IsTransient { get; } = isTransient;

    /// <summary>The HTTP status the provider answered with, when there was one.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>How long the provider asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
