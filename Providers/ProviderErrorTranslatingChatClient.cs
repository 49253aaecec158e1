using System.ClientModel;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;

namespace LlmOrleans.Providers;

/// <summary>
/// Turns the failures of an OpenAI-compatible client into <see cref="LlmProviderException"/>s that say whether
/// a retry may help, with the provider's own message stripped of secrets. Cancellation by the caller passes
/// through untouched; the caller decides what its own token means.
/// </summary>
internal sealed class ProviderErrorTranslatingChatClient(
    IChatClient innerClient,
    string provider,
    SecretScrubber scrubber,
    TimeProvider timeProvider) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireModel(options);
        var answered = ProviderAnsweredPolicy.Track();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Translate(exception, answered.Value, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RequireModel(options);
        var answered = ProviderAnsweredPolicy.Track();
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception exception) when (Translate(exception, answered.Value, cancellationToken) is { } translated)
            {
                throw translated;
            }

            yield return updates.Current;
        }
    }

    private void RequireModel(ChatOptions? options)
    {
        if (string.IsNullOrWhiteSpace(options?.ModelId))
        {
            throw new LlmProviderException($"A model is required for provider '{provider}'.", isTransient: false);
        }
    }

    private LlmProviderException? Translate(Exception exception, bool answered, CancellationToken cancellationToken) => exception switch
    {
        LlmProviderException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => Transient($"Request to provider '{provider}' timed out.", exception),
        ClientResultException { Status: > 0 } failure => FromStatus(failure),
        ClientResultException { InnerException: { } inner } => Translate(inner, answered, cancellationToken)
            ?? Transient($"No response from provider '{provider}'.", exception),
        ClientResultException => Transient($"No response from provider '{provider}'.", exception),
        HttpRequestException or IOException or SocketException =>
            Transient($"Connection to provider '{provider}' failed: {scrubber.Scrub(exception.Message)}", exception),
        _ when answered => Transient($"Malformed response from provider '{provider}'.", exception),
        _ => null,
    };

    private LlmProviderException FromStatus(ClientResultException failure)
    {
        var status = failure.Status;
        var response = failure.GetRawResponse();
        var error = ProviderErrorBody.TryParse(response?.Content);
        var isTransient = status is 408 or 409 or 429 or 498 or >= 500 && error?.IsQuotaExhausted != true;
        var retryAfter = isTransient && response is not null ? RetryAfter.From(response.Headers, timeProvider) : null;
        var message = scrubber.Scrub(string.IsNullOrWhiteSpace(error?.Message) ? $"HTTP {status} from {provider}" : error.Message);

        // No inner exception: the SDK's message repeats the raw body, which may echo a key.
        return new LlmProviderException(message, isTransient, status, retryAfter);
    }

    private static LlmProviderException Transient(string message, Exception inner) =>
        new(message, isTransient: true, innerException: inner);
}
