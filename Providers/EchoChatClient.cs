using Microsoft.Extensions.AI;

namespace LlmOrleans.Providers;

/// <summary>
/// The <c>echo</c> provider: answers with the last user message after a configurable delay, without any
/// network or key. Counts whitespace-separated words as tokens, in and out. For load tests and demos.
/// </summary>
public sealed class EchoChatClient(TimeSpan latency, TimeProvider timeProvider) : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new("echo");

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var text = messages.LastOrDefault(message => message.Role == ChatRole.User)?.Text ?? string.Empty;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = options?.ModelId,
            CreatedAt = timeProvider.GetUtcNow(),
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = words, OutputTokenCount = words, TotalTokenCount = 2 * words },
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
