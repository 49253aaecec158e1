namespace LlmOrleans.Grains.Abstractions;

/// <summary>Where a job is in its life. Only <see cref="Succeeded"/> and <see cref="Failed"/> are terminal.</summary>
[GenerateSerializer, Alias("LlmOrleans.JobPhase")]
public enum JobPhase
{
    /// <summary>Accepted by the gateway, not yet taken by a grain.</summary>
    Queued = 0,

    /// <summary>Taken by its grain: an attempt is under way or a retry is waiting.</summary>
    Running = 1,

    /// <summary>The provider answered; the output is in the snapshot.</summary>
    Succeeded = 2,

    /// <summary>The job failed for good; the error is in the snapshot.</summary>
    Failed = 3,
}
