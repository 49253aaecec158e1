namespace LlmOrleans.Grains.Abstractions;

/// <summary>
/// References to job grains by request id, for the per-job paths (the silo's dispatch, the gateway's reads).
/// Orleans 10.4's <c>GetGrain&lt;T&gt;(string)</c> parses and formats the interface's type name on every call (its
/// lookup by convention has no cache); this takes the grain and interface types from the first reference it
/// makes, after which a reference costs only its id. Until that first reference succeeds (a client that has not
/// reached a silo yet knows no grain types) every call goes through <c>GetGrain</c> and throws as it does.
/// </summary>
public sealed class JobGrainFactory(IGrainFactory grains)
{
    private JobGrainTypes? _types;

    /// <summary>The grain of the job <paramref name="requestId"/>.</summary>
    public ILlmJobGrain Get(string requestId)
    {
        if (_types is { } types)
        {
            return (ILlmJobGrain)grains.GetGrain(GrainId.Create(types.Grain, requestId), types.Interface);
        }

        var grain = grains.GetGrain<ILlmJobGrain>(requestId);
        var reference = (GrainReference)grain;
        _types = new JobGrainTypes(reference.GrainId.Type, reference.InterfaceType);
        return grain;
    }

    private sealed record JobGrainTypes(GrainType Grain, GrainInterfaceType Interface);
}
