using System.Diagnostics;
using LlmOrleans.Bench.Load;
using LlmOrleans.Bench.Results;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>One job from submit to visible result, counted and timed.</summary>
public sealed class JobFlow(IJobSubmitter submitter, IResultTracker tracker, LoadCounters counters, RunWindow? window)
{
    /// <summary>
    /// Submits a job timed from <paramref name="startedAt"/> (the send, or when an open loop meant to send);
    /// once accepted, returns the task that ends when its result is visible (null when the submit failed).
    /// </summary>
    public async Task<Task?> SubmitAsync(HttpContent content, byte[] buffer, long startedAt)
    {
        counters.JobStarted();
        var requestId = await submitter.SubmitAsync(content, buffer);
        var returnedAt = Stopwatch.GetTimestamp();
        if (requestId is not { } id)
        {
            counters.JobEnded();
            return null;
        }

        counters.Accepted(returnedAt);
        var measured = window?.Measures(startedAt) ?? true;
        if (measured)
        {
            counters.SubmitLatency.RecordTicks(returnedAt - startedAt);
        }

        return AwaitResultAsync(tracker.Track(id), startedAt, measured);
    }

    private async Task AwaitResultAsync(Task<Completion> result, long startedAt, bool measured)
    {
        var completion = await result;
        switch (completion.Status)
        {
            case JobStatus.Succeeded or JobStatus.Failed:
                counters.ResultVisible(completion.VisibleAt, window?.Measures(completion.VisibleAt) ?? true);
                if (measured)
                {
                    counters.EndToEnd.RecordTicks(completion.VisibleAt - startedAt);
                    counters.Stages.Record(startedAt, completion);
                }

                if (completion.Status == JobStatus.Failed)
                {
                    counters.Errors.Add("job failed");
                }

                break;
            case JobStatus.NotFound:
                counters.Errors.Add("result 404");
                break;
            case JobStatus.Incomplete:
                counters.Errors.Add("incomplete");
                break;
            default:
                counters.Errors.Add("unreadable result");
                break;
        }

        counters.JobEnded();
    }
}
