using LlmOrleans.Testing;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LlmOrleans.Providers.Tests;

/// <summary>Each test gets a fresh <see cref="FakeOpenAiServer"/> wired in as the <c>groq</c> provider.</summary>
public abstract class FakeGroqTestBase : IAsyncLifetime
{
    protected const string ApiKey = "gsk_test_0123456789abcdef";
    protected const string Model = "llama-3.1-8b-instant";

    private ServiceProvider _services = null!;

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-27T12:00:00Z"));

    protected FakeOpenAiServer Server { get; private set; } = null!;

    protected IChatClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeOpenAiServer.StartAsync();
        _services = TestServices.Build(
            new Dictionary<string, string?> { ["GROQ_API_KEY"] = ApiKey, ["Llm:GroqBaseUrl"] = Server.BaseUrl.ToString() },
            Time);
        Client = _services.Registry().GetClient("groq");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    protected Task<ChatResponse> AskAsync(string prompt, string model = Model, CancellationToken cancellationToken = default) =>
        Client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { ModelId = model }, cancellationToken);

    protected Task<LlmProviderException> FailAsync() =>
        Assert.ThrowsAsync<LlmProviderException>(() => AskAsync("fail"));
}
