using System.Diagnostics;
using LlmOrleans.Bench.Metrics;
using LlmOrleans.Bench.Results;

namespace LlmOrleans.Bench.Tests;

/// <summary>A job's end-to-end time split where its grain started and finished it.</summary>
public sealed class JobStagesTests
{
    [Fact]
    public void The_three_stages_add_up_to_the_job_end_to_end()
    {
        var submittedAt = Stopwatch.GetTimestamp();
        var submitted = WallClock.At(submittedAt);
        var visibleAt = submittedAt + Stopwatch.Frequency * 20 / 1000;
        var stages = new JobStages();

        stages.Record(submittedAt, new Completion(visibleAt, new ResultFields(JobStatus.Succeeded, submitted.AddMilliseconds(12), submitted.AddMilliseconds(14))));

        var summary = stages.Summarize()!;
        Assert.Equal(12, summary.ToStart.Max, 1);
        Assert.Equal(2, summary.Running.Max, 1);
        Assert.Equal(6, summary.ToVisible.Max, 1);
    }

    [Fact]
    public void A_job_without_both_timestamps_is_left_out()
    {
        var stages = new JobStages();
        var now = Stopwatch.GetTimestamp();

        stages.Record(now, Completion.Without(now, JobStatus.Incomplete));
        stages.Record(now, new Completion(now, new ResultFields(JobStatus.Failed, DateTimeOffset.UtcNow)));

        Assert.Null(stages.Summarize());
    }
}
