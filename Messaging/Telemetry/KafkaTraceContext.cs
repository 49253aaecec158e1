using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace LlmOrleans.Messaging.Telemetry;

/// <summary>W3C trace context (<c>traceparent</c>, <c>tracestate</c>) carried in Kafka message headers.</summary>
public static class KafkaTraceContext
{
    /// <summary>Header with the W3C <c>traceparent</c> of the span that produced the message.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>Header with the W3C <c>tracestate</c>, when the trace has one.</summary>
    public const string TraceStateHeader = "tracestate";

    /// <summary>Headers carrying <paramref name="activity"/>'s context, or null when there is none to carry.</summary>
    public static Headers? Inject(Activity? activity)
    {
        if (activity is not { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent })
        {
            return null;
        }

        var headers = new Headers { { TraceParentHeader, Encoding.ASCII.GetBytes(traceParent) } };
        if (activity.TraceStateString is { Length: > 0 } traceState)
        {
            headers.Add(TraceStateHeader, Encoding.UTF8.GetBytes(traceState));
        }

        return headers;
    }

    /// <summary>The remote parent context in <paramref name="headers"/>, or null when absent or malformed.</summary>
    public static ActivityContext? Extract(Headers? headers)
    {
        // A Kafka header may have no value at all (null): that carries no context, like a missing header.
        if (headers is null || !headers.TryGetLastBytes(TraceParentHeader, out var traceParent) || traceParent is null)
        {
            return null;
        }

        var traceState = headers.TryGetLastBytes(TraceStateHeader, out var state) && state is not null
            ? Encoding.UTF8.GetString(state)
            : null;
        return ActivityContext.TryParse(Encoding.ASCII.GetString(traceParent), traceState, isRemote: true, out var context)
            ? context
            : null;
    }
}
