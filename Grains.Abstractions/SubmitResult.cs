namespace LlmOrleans.Grains.Abstractions;

/// <summary>What <see cref="ILlmJobGrain.SubmitAsync"/> did with a job.</summary>
[GenerateSerializer, Alias("LlmOrleans.SubmitResult")]
public enum SubmitResult
{
    /// <summary>The job was new; it is now durably stored and will run.</summary>
    Accepted = 0,

    /// <summary>The grain already had this job (a redelivery); nothing new was started.</summary>
    Duplicate = 1,
}
