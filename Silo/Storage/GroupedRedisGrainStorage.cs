using System.Text;
using LlmOrleans.ServiceDefaults.Redis;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using StackExchange.Redis;

namespace LlmOrleans.Silo.Storage;

/// <summary>
/// Grain storage on Redis that sends the reads and writes of many grains together (<see cref="StateCommands"/>):
/// one script and one reply for every job activating or storing its state meanwhile, where Orleans' Redis storage
/// sends one command per read and one script per write. Its records are Orleans' own — the hash
/// <c>{ServiceId}/state/{grain id type}/{grain id key}/{grain type}</c> with fields <c>etag</c> and <c>data</c>,
/// the same etag check and an expiry set on every write — so silos on either storage read each other's jobs.
/// </summary>
public sealed class GroupedRedisGrainStorage(
    StateCommands commands,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    string serviceId) : IGrainStorage
{
    private readonly byte[] _keyPrefix = Encoding.UTF8.GetBytes($"{serviceId}/state/");

    public async Task ReadStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        var (etag, data) = await commands.ReadAsync(KeyOf(grainType, grainId));
        grainState.ETag = etag.IsNullOrEmpty ? null : etag.ToString();
        var exists = !data.IsNullOrEmpty;
        grainState.State = exists ? serializer.Deserialize<T>(new BinaryData((ReadOnlyMemory<byte>)data)) : activators.GetActivator<T>().Create();
        grainState.RecordExists = exists;
    }

    public async Task WriteStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        var newEtag = Guid.NewGuid().ToString("N");
        var payload = serializer.Serialize(grainState.State).ToMemory();
        if (!await commands.WriteAsync(KeyOf(grainType, grainId), grainState.ETag, newEtag, payload))
        {
            throw Conflict(nameof(WriteStateAsync), grainType, grainId, grainState.ETag);
        }

        grainState.ETag = newEtag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        if (!await commands.DeleteAsync(KeyOf(grainType, grainId), grainState.ETag))
        {
            throw Conflict(nameof(ClearStateAsync), grainType, grainId, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.State = activators.GetActivator<T>().Create();
        grainState.RecordExists = false;
    }

    /// <summary>The key Orleans' Redis storage uses by default, byte for byte.</summary>
    private RedisKey KeyOf(string grainType, GrainId grainId)
    {
        var type = grainId.Type.AsSpan();
        var key = grainId.Key.AsSpan();
        var suffix = new byte[type.Length + 1 + key.Length + 1 + Encoding.UTF8.GetByteCount(grainType)];
        type.CopyTo(suffix);
        suffix[type.Length] = (byte)'/';
        key.CopyTo(suffix.AsSpan(type.Length + 1));
        suffix[type.Length + 1 + key.Length] = (byte)'/';
        Encoding.UTF8.GetBytes(grainType, suffix.AsSpan(type.Length + key.Length + 2));
        return ((RedisKey)_keyPrefix).Append(suffix);
    }

    private InconsistentStateException Conflict(string operation, string grainType, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={serviceId} GrainType={grainType} GrainId={grainId} ETag={etag}.");
}
