using System.Net.Sockets;
using LlmOrleans.Grains.Providers;

namespace LlmOrleans.Grains.Telemetry;

/// <summary>
/// How a provider attempt ended, as a short, bounded label for metrics and spans: <c>success</c>,
/// <c>http_&lt;status&gt;</c>, <c>timeout</c>, <c>connection</c>, <c>rejected</c> (permanent, without a status,
/// e.g. a provider that is not configured) or <c>other</c> (malformed replies, unexpected errors).
/// </summary>
public static class AttemptOutcome
{
    /// <summary>The attempt answered.</summary>
    public const string Success = "success";

    /// <summary>The label of a failed attempt, which is also the reason it is retried when it is transient.</summary>
    public static string Of(LlmProviderException failure)
    {
        if (failure.StatusCode is { } status)
        {
            return $"http_{status}";
        }

        for (var cause = failure.InnerException; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case TimeoutException or OperationCanceledException:
                    return "timeout";
                case HttpRequestException or IOException or SocketException:
                    return "connection";
            }
        }

        return failure.IsTransient ? "other" : "rejected";
    }
}
