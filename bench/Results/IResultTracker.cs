namespace LlmOrleans.Bench.Results;

/// <summary>Finds out when a submitted job's result becomes visible to a client.</summary>
public interface IResultTracker : IAsyncDisposable
{
    /// <summary><c>kafka</c>, <c>poll</c> or <c>longpoll</c>.</summary>
    string Name { get; }

    /// <summary>Completes when the job's result is visible, or with <see cref="JobStatus.Incomplete"/> on <see cref="Abandon"/>.</summary>
    Task<Completion> Track(Guid requestId);

    /// <summary>Gives up on every job still tracked.</summary>
    void Abandon();
}
