using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Grains;

/// <summary>How a job grain runs its job: attempts, time limits, backoff and how long results live.</summary>
public sealed class JobExecutionOptions
{
    /// <summary>Attempts per job, the first included (<c>LLM_MAX_ATTEMPTS</c>).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Time limit for one provider attempt (<c>LLM_TIMEOUT</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Base of the exponential backoff between attempts (full jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for one backoff delay, including a provider's Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a provider's circuit first stays open after repeated transient failures (<c>LLM_CIRCUIT_OPEN</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CircuitOpenBase { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a circuit stays open at once; each failed probe doubles the time up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CircuitOpenMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest one job waits on open circuits in all (<c>LLM_CIRCUIT_MAX_WAIT</c>); after that it spends its
    /// attempts regardless, so a provider that stays down fails its jobs with its own error.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CircuitMaxWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Period of the reminder that resumes an accepted job whose silo died (<c>JOB_WATCHDOG_PERIOD</c>):
    /// the longest a crashed job waits, after the cluster noticed the crash, before another silo resumes it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Log each job's prompt and output at Debug level (<c>LOG_PROMPTS</c>). Off by default: they may hold
    /// personal or confidential data, and are otherwise never logged.
    /// </summary>
    public bool LogPrompts { get; set; }

    /// <summary>
    /// What a job keeps once its outcome is published (<c>JOB_RETENTION</c>: <c>full</c>, <c>output</c>, <c>none</c>).
    /// </summary>
    public JobRetention Retention { get; set; } = JobRetention.Full;

    /// <summary>How long a finished result stays readable (<c>RESULT_TTL</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ResultTtl { get; set; } = TimeSpan.FromMinutes(5);
}
