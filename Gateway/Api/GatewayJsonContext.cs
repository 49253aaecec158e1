using System.Text.Json.Serialization;

namespace LlmOrleans.Gateway.Api;

/// <summary>Source-generated JSON for the HTTP API (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProcessRequest))]
[JsonSerializable(typeof(ProcessAccepted))]
[JsonSerializable(typeof(JobStatusResponse))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
