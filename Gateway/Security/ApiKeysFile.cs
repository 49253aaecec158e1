using System.Text.Json.Serialization;

namespace LlmOrleans.Gateway.Security;

/// <summary>The keys file (<c>API_KEYS_FILE</c>): <c>{ "keys": [ … ] }</c> in snake_case.</summary>
public sealed class ApiKeysFile
{
    /// <summary>The keys.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

/// <summary>Source-generated JSON for the keys file.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ApiKeysFile))]
public sealed partial class ApiKeysFileJsonContext : JsonSerializerContext;
