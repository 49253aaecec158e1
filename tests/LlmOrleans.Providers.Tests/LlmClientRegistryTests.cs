using LlmOrleans.Testing;
using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LlmOrleans.Providers.Tests;

public sealed class LlmClientRegistryTests
{
    [Fact]
    public async Task GetClient_WhenGroqKeyIsMissing_ThrowsPermanentErrorNamingGroqApiKey()
    {
        await using var services = TestServices.Build(new Dictionary<string, string?>());

        var error = Assert.Throws<LlmProviderException>(() => services.Registry().GetClient("groq"));

        Assert.False(error.IsTransient);
        Assert.Equal("Provider 'groq' is not configured: set GROQ_API_KEY", error.Message);
    }

    [Fact]
    public async Task GetClient_WhenProviderIsUnknown_ThrowsPermanentErrorListingKnownProviders()
    {
        await using var services = TestServices.Build(new Dictionary<string, string?> { ["Llm:Endpoints:ollama:BaseUrl"] = "http://localhost:11434/v1" });

        var error = Assert.Throws<LlmProviderException>(() => services.Registry().GetClient("mistral"));

        Assert.False(error.IsTransient);
        Assert.Equal("Unknown provider 'mistral'; known providers: echo, groq, openai, ollama", error.Message);
    }

    [Fact]
    public async Task GetClient_NamedEndpointFromConfig_IsListedAndReachableWithoutKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeReply.Success("from ollama"));
        await using var services = TestServices.Build(new Dictionary<string, string?> { ["Llm:Endpoints:ollama:BaseUrl"] = server.BaseUrl.ToString() });
        var registry = services.Registry();

        var response = await registry.GetClient("Ollama").GetResponseAsync("hi", new ChatOptions { ModelId = "llama3.2" });

        Assert.Contains("ollama", registry.ProviderNames);
        Assert.Equal("from ollama", response.Text);
        Assert.Equal("llama3.2", Assert.Single(server.Requests).Model);
    }

    [Fact]
    public async Task GetClient_EndpointWithApiKeyVariable_SendsTheKeyFromThatVariable()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeReply.Success("ok"));
        await using var services = TestServices.Build(new Dictionary<string, string?>
        {
            ["Llm:Endpoints:together:BaseUrl"] = server.BaseUrl.ToString(),
            ["Llm:Endpoints:together:ApiKeyVariable"] = "TOGETHER_API_KEY",
            ["TOGETHER_API_KEY"] = "tg-secret",
        });

        await services.Registry().GetClient("together").GetResponseAsync("hi", new ChatOptions { ModelId = "m" });

        Assert.Equal("Bearer tg-secret", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task GetClient_WhenApiKeyVariableIsUnset_ThrowsPermanentErrorNamingTheVariable()
    {
        await using var services = TestServices.Build(new Dictionary<string, string?>
        {
            ["Llm:Endpoints:together:BaseUrl"] = "https://api.together.xyz/v1",
            ["Llm:Endpoints:together:ApiKeyVariable"] = "TOGETHER_API_KEY",
        });

        var error = Assert.Throws<LlmProviderException>(() => services.Registry().GetClient("together"));

        Assert.Equal("Provider 'together' is not configured: set TOGETHER_API_KEY", error.Message);
    }

    [Fact]
    public async Task GetClient_CalledTwice_ReturnsTheSameClient()
    {
        await using var services = TestServices.Build(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-x" });
        var registry = services.Registry();

        Assert.Same(registry.GetClient("openai"), registry.GetClient("OpenAI"));
    }

    [Fact]
    public async Task Echo_ReturnsThePromptWithWordCountsAsUsage()
    {
        await using var services = TestServices.Build(new Dictionary<string, string?>());

        var response = await services.Registry().GetClient("ECHO").GetResponseAsync(
            [new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "  four little  words here ")],
            new ChatOptions { ModelId = "echo-1" });

        Assert.Equal("  four little  words here ", response.Text);
        Assert.Equal("echo-1", response.ModelId);
        Assert.Equal(4, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Echo_AnswersOnlyAfterTheConfiguredLatency()
    {
        var time = new FakeTimeProvider();
        await using var services = TestServices.Build(new Dictionary<string, string?> { ["ECHO_LATENCY_MS"] = "250" }, time);

        var reply = services.Registry().GetClient("echo").GetResponseAsync("ping", new ChatOptions { ModelId = "m" });
        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(reply.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("ping", (await reply.WaitAsync(TimeSpan.FromSeconds(5))).Text);
    }

    [Fact]
    public async Task AddLlmProviders_ReadsFlatEnvironmentNames()
    {
        await using var services = TestServices.Build(new Dictionary<string, string?>
        {
            ["GROQ_API_KEY"] = "gsk-env",
            ["Llm:GroqApiKey"] = "gsk-section",
            ["OPENAI_BASE_URL"] = "http://proxy.internal/v1",
            ["ECHO_LATENCY_MS"] = "40",
        });

        var options = services.GetRequiredService<IOptions<LlmProviderOptions>>().Value;

        Assert.Equal("gsk-env", options.GroqApiKey);
        Assert.Equal("http://proxy.internal/v1", options.OpenAiBaseUrl);
        Assert.Equal(TimeSpan.FromMilliseconds(40), options.EchoLatency);
    }

    [Theory]
    [InlineData("Llm:Endpoints:Ollama:BaseUrl", "http://localhost:11434/v1", "Llm:Endpoints:Ollama")]
    [InlineData("Llm:Endpoints:groq:BaseUrl", "http://localhost:11434/v1", "Llm:Endpoints:groq")]
    [InlineData("Llm:Endpoints:local:BaseUrl", "localhost:11434", "Llm:Endpoints:local:BaseUrl")]
    [InlineData("Llm:Endpoints:local:ApiKey", "k", "Llm:Endpoints:local:BaseUrl")]
    [InlineData("Llm:GroqBaseUrl", "ftp://groq", "Llm:GroqBaseUrl")]
    [InlineData("OPENAI_BASE_URL", "not a url", "OPENAI_BASE_URL")]
    [InlineData("ECHO_LATENCY_MS", "fast", "ECHO_LATENCY_MS")]
    public async Task AddLlmProviders_WithInvalidSetting_FailsStartupValidationNamingTheSetting(string key, string value, string setting)
    {
        await using var services = TestServices.Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, error.Message);
    }
}
