using System.Text;
using System.Text.Json;
using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;

namespace LlmOrleans.Silo.Kafka;

/// <summary>Turns a raw request-topic message into a job, or says which field makes it invalid.</summary>
public static class JobMessageReader
{
    /// <summary>The job in the message, or the reason it is not one (<paramref name="error"/>).</summary>
    public static LlmJob? Read(byte[]? key, byte[]? value, JobRequestLimits limits, DateTimeOffset now, out string? error)
    {
        if (value is null || value.Length == 0)
        {
            error = "The message has no value.";
            return null;
        }

        JobRequestMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(value, MessagingJsonContext.Wire.JobRequestMessage);
        }
        catch (JsonException ex)
        {
            error = $"The value is not valid job JSON: {ex.Message}";
            return null;
        }

        if (message is null)
        {
            error = "The value is JSON null, not a job object.";
            return null;
        }

        if (message.Schema is { } schema && schema != MessageSchema.Current)
        {
            error = $"'schema' {schema} is not supported; expected {MessageSchema.Current}.";
            return null;
        }

        var requestId = ReadRequestId(message.RequestId, key);
        if (requestId is null)
        {
            error = "'request_id' (or the message key) must be a UUID.";
            return null;
        }

        if (JobFieldRules.Check(message.Provider, message.Model, message.Prompt, limits) is { } fieldError)
        {
            error = fieldError.Message;
            return null;
        }

        if (JobFieldRules.CheckOwner(message.Tenant, message.KeyId) is { } ownerError)
        {
            error = ownerError.Message;
            return null;
        }

        error = null;
        return new LlmJob(requestId, message.Provider!.Trim().ToLowerInvariant(), message.Model!.Trim(), message.Prompt!,
            message.CreatedAt ?? now, message.Tenant, message.KeyId);
    }

    /// <summary>The canonical request id (lower-case UUID with dashes), from the body or else the key.</summary>
    public static string? ReadRequestId(string? fromBody, byte[]? key)
    {
        var text = fromBody;
        if (text is null && key is { Length: > 0 and <= 64 })
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(key);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        return Guid.TryParse(text, out var id) ? id.ToString("D") : null;
    }
}
