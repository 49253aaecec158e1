using System.Collections.Frozen;

namespace LlmOrleans.Gateway.Security;

/// <summary>
/// The API keys in force, by hash. Replaced as a whole on reload, so a lookup sees either the old set or
/// the new one, never a mix.
/// </summary>
public sealed class ApiKeyStore(TimeProvider time)
{
    private volatile FrozenDictionary<string, ApiKey> _byHash = FrozenDictionary<string, ApiKey>.Empty;

    /// <summary>How many keys are in force.</summary>
    public int Count => _byHash.Count;

    /// <summary>The key a caller presented, or null when it is unknown or expired.</summary>
    public ApiKey? Find(string presentedKey) =>
        _byHash.TryGetValue(ApiKey.Hash(presentedKey), out var key) && !(key.ExpiresAt <= time.GetUtcNow()) ? key : null;

    /// <summary>Validates <paramref name="entries"/> as a whole and puts them in force; the first problem otherwise.</summary>
    public string? Replace(IEnumerable<(string Source, ApiKeyEntry Entry)> entries)
    {
        var byHash = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (source, entry) in entries)
        {
            var where = $"{source}, key {index++} ('{entry.Id}')";
            if (ApiKey.From(entry, out var error) is not { } key)
            {
                return $"{where}: {error}";
            }

            if (!ids.Add(key.Id))
            {
                return $"{where}: 'id' is used twice.";
            }

            if (!byHash.TryAdd(key.Sha256, key))
            {
                return $"{where}: 'sha256' is the same as key '{byHash[key.Sha256].Id}'.";
            }
        }

        _byHash = byHash.ToFrozenDictionary(StringComparer.Ordinal);
        return null;
    }
}
