using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;

namespace LlmOrleans.Providers.Tests;

public sealed class CancellationTranslationTests
{
    private static readonly ChatOptions Options = new() { ModelId = "m" };

    [Fact]
    public async Task GetResponse_WhenCallersTokenIsCancelled_RethrowsTheSameException()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        var thrown = new TaskCanceledException("caller gave up", null, caller.Token);
        using var client = Translating(thrown);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetResponseAsync("hi", Options, caller.Token));

        Assert.Same(thrown, error);
    }

    [Fact]
    public async Task GetResponse_WhenCancelledByAnInternalTimeout_ThrowsTransientTimeout()
    {
        using var client = Translating(new TaskCanceledException("HttpClient.Timeout of 100 seconds elapsing"));

        var error = await Assert.ThrowsAsync<LlmProviderException>(() => client.GetResponseAsync("hi", Options, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("Request to provider 'test' timed out.", error.Message);
    }

    private static ProviderErrorTranslatingChatClient Translating(Exception exception) =>
        new(new ThrowingChatClient(exception), "test", new SecretScrubber([]), TimeProvider.System);

    private sealed class ThrowingChatClient(Exception exception) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromException<ChatResponse>(exception);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw exception;

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
