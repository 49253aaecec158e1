using System.Text.Json.Serialization;

namespace LlmOrleans.Gateway.Ui;

/// <summary>Source-generated JSON for the jobs page's API (snake_case, like the job API).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OverviewResponse))]
[JsonSerializable(typeof(RecentJobsResponse))]
[JsonSerializable(typeof(JobDetailResponse))]
internal sealed partial class UiJsonContext : JsonSerializerContext;
