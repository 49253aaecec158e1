using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Messaging;

/// <summary>Bounds on what a job may carry, enforced by the gateway and by the consumer alike.</summary>
public sealed class JobRequestLimits
{
    /// <summary>
    /// Largest prompt in UTF-8 bytes (<c>MAX_PROMPT_BYTES</c>, default 1 MiB, at most 2 MiB: even a prompt
    /// whose every byte needs a six-byte JSON escape then fits Kafka's 16 MiB message limit).
    /// </summary>
    [Range(1, 2 * 1024 * 1024)]
    public int MaxPromptBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest provider or model name.</summary>
    public const int MaxNameLength = 256;
}
