namespace LlmOrleans.Grains;

/// <summary>
/// How many jobs this silo is running right now. The consumer pauses reading at the in-flight cap,
/// and a stopping silo waits on it to let in-flight jobs finish.
/// </summary>
public sealed class RunningJobs
{
    private int _count;
    private long _startedTotal;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>Jobs started in this process and not yet finished.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Jobs started in this process since it began.</summary>
    public long StartedTotal => Interlocked.Read(ref _startedTotal);

    /// <summary>A job started running here.</summary>
    public void Started()
    {
        lock (this)
        {
            _startedTotal++;
            if (_count++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    /// <summary>A job finished here (or its activation gave it up).</summary>
    public void Finished()
    {
        lock (this)
        {
            if (--_count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes when no job runs here, or when <paramref name="timeout"/> passes (false).</summary>
    public async Task<bool> WaitUntilIdleAsync(TimeSpan timeout, TimeProvider time)
    {
        Task idle;
        lock (this)
        {
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(timeout, time);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
