using Orleans.Storage;

namespace LlmOrleans.Grains.Tests;

/// <summary>The job storage the grains see: <paramref name="inner"/> memory storage, with writes failing on demand.</summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var requestId = grainId.Key.ToString()!;
        if (faults.ShouldFailWrite(requestId))
        {
            throw new TimeoutException("Job storage unavailable (injected failure).");
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
        faults.WriteStored(requestId);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
