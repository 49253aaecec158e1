using System.Text;

namespace LlmOrleans.Messaging;

/// <summary>The rules every job obeys, however it arrives (HTTP or straight onto the topic).</summary>
public static class JobFieldRules
{
    /// <summary>The first problem with the job's fields, or null when they are valid.</summary>
    public static JobFieldError? Check(string? provider, string? model, string? prompt, JobRequestLimits limits) =>
        Name("provider", provider)
        ?? Name("model", model)
        ?? Prompt(prompt, limits);

    /// <summary>The first problem with the job's owner fields (both optional), or null when they are valid.</summary>
    public static JobFieldError? CheckOwner(string? tenant, string? keyId) =>
        (tenant is null ? null : Name("tenant", tenant))
        ?? (keyId is null ? null : Name("key_id", keyId));

    private static JobFieldError? Name(string field, string? value) => value switch
    {
        null => new(field, $"'{field}' is required."),
        _ when string.IsNullOrWhiteSpace(value) => new(field, $"'{field}' must not be empty."),
        { Length: > JobRequestLimits.MaxNameLength } =>
            new(field, $"'{field}' must be at most {JobRequestLimits.MaxNameLength} characters."),
        _ => null,
    };

    private static JobFieldError? Prompt(string? prompt, JobRequestLimits limits)
    {
        if (prompt is null)
        {
            return new("prompt", "'prompt' is required.");
        }

        if (string.IsNullOrWhiteSpace(prompt))
        {
            return new("prompt", "'prompt' must not be empty.");
        }

        // Cheap bound first: UTF-8 never takes more than 3 bytes per UTF-16 char.
        if (prompt.Length * 3 > limits.MaxPromptBytes && Encoding.UTF8.GetByteCount(prompt) > limits.MaxPromptBytes)
        {
            return new("prompt", $"'prompt' is larger than {limits.MaxPromptBytes} bytes (MAX_PROMPT_BYTES).", TooLarge: true);
        }

        return null;
    }
}
