using System.Text.Json.Serialization;

namespace LlmOrleans.ServiceDefaults.Stats;

/// <summary>Source-generated JSON (snake_case) of the silo stats kept in Redis.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SiloStatsSnapshot))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
