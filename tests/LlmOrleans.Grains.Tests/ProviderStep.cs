using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;

namespace LlmOrleans.Grains.Tests;

/// <summary>One scripted provider call: what the <see cref="ScriptedChatClient"/> does when it is called.</summary>
public delegate Task<ChatResponse> ProviderStep(CancellationToken cancellationToken);

/// <summary>The provider behaviours tests script.</summary>
public static class Step
{
    public static ProviderStep Reply(string text, long inputTokens = 5, long outputTokens = 7, TimeSpan? delay = null) =>
        async cancellationToken =>
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
            {
                Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
            };
        };

    public static ProviderStep Transient(string message, int statusCode = 503, TimeSpan? retryAfter = null) =>
        _ => throw new LlmProviderException(message, isTransient: true, statusCode, retryAfter);

    public static ProviderStep Permanent(string message, int statusCode = 400) =>
        _ => throw new LlmProviderException(message, isTransient: false, statusCode);

    /// <summary>
    /// A provider that is down: transient 503s, each after <paramref name="failAfter"/>, until
    /// <paramref name="until"/>, then <paramref name="text"/>.
    /// </summary>
    public static ProviderStep DownUntil(DateTime until, string text, TimeSpan failAfter = default) =>
        async cancellationToken =>
        {
            if (DateTime.UtcNow >= until)
            {
                return await Reply(text)(cancellationToken);
            }

            await Task.Delay(failAfter, cancellationToken);
            throw new LlmProviderException("503 upstream unavailable", isTransient: true, 503);
        };

    /// <summary>
    /// <paramref name="count"/> calls that each wait until all of them have started (or <paramref name="atMost"/>
    /// passed), then do what <paramref name="step"/> does: a burst that reaches the provider together.
    /// </summary>
    public static ProviderStep[] Together(int count, TimeSpan atMost, ProviderStep step)
    {
        var arrived = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return [.. Enumerable.Range(0, count).Select(_ => (ProviderStep)(async cancellationToken =>
        {
            if (Interlocked.Increment(ref arrived) == count)
            {
                all.TrySetResult();
            }

            await Task.WhenAny(all.Task, Task.Delay(atMost, cancellationToken));
            return await step(cancellationToken);
        }))];
    }

    /// <summary>Never answers; ends only when the caller cancels (the attempt timeout).</summary>
    public static ProviderStep HangUntilCancelled() =>
        async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };

    /// <summary>
    /// Signals <paramref name="started"/>, then answers once <paramref name="release"/> completes or
    /// <paramref name="atMost"/> passes, ignoring cancellation like a client stuck in a slow read.
    /// </summary>
    public static ProviderStep ReplyWhenReleased(TaskCompletionSource started, Task release, TimeSpan atMost, string text) =>
        async _ =>
        {
            started.TrySetResult();
            await Task.WhenAny(release, Task.Delay(atMost));
            return await Reply(text)(CancellationToken.None);
        };
}
