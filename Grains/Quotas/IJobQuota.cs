using LlmOrleans.Grains.Abstractions;

namespace LlmOrleans.Grains.Quotas;

/// <summary>The in-flight quota of the API key that submitted a job, taken by the gateway at acceptance.</summary>
public interface IJobQuota
{
    /// <summary>
    /// Gives back the job's place in its key's quota once its outcome is published. Fire and forget: a lost
    /// release is healed when the place's lease expires.
    /// </summary>
    void Release(LlmJob job);
}
