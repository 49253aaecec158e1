using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOrleans.Messaging.Messages;

/// <summary>Source-generated JSON for every Kafka message (snake_case, no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(JobRequestMessage))]
[JsonSerializable(typeof(JobResultMessage))]
[JsonSerializable(typeof(DeadLetterMessage))]
public sealed partial class MessagingJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context to use: like <see cref="JsonSerializerContext"/>'s default but writing non-ASCII text as
    /// UTF-8 rather than \u escapes, so a prompt costs its own size on the wire, not up to six times it.
    /// </summary>
    public static MessagingJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
