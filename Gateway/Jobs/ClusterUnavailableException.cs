namespace LlmOrleans.Gateway.Jobs;

/// <summary>Neither the cluster nor the queued index could say anything about a job: answer 503.</summary>
public sealed class ClusterUnavailableException(Exception inner)
    : Exception("The job cluster is not reachable right now.", inner);
