using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace LlmOrleans.Providers;

/// <summary>Builds the <see cref="IChatClient"/> for one OpenAI-compatible endpoint on the OpenAI SDK.</summary>
internal static class OpenAiCompatibleChatClient
{
    // The SDK's ChatClient insists on a model, but each call names its own: Microsoft.Extensions.AI writes
    // ChatOptions.ModelId into the request's "model" over this one, so one client serves every model.
    private const string PlaceholderModel = "model-from-chat-options";

    // Endpoints such as Ollama ignore the key, but the SDK always sends one.
    private const string NoKey = "no-key";

    public static IChatClient Create(
        OpenAiCompatibleEndpoint endpoint, HttpClient httpClient, SecretScrubber scrubber, TimeProvider timeProvider)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // the job grain retries with its own backoff
            NetworkTimeout = Timeout.InfiniteTimeSpan, // the caller's token carries the attempt's time limit
            Transport = new HttpClientPipelineTransport(httpClient),
        };
        options.AddPolicy(ProviderAnsweredPolicy.Instance, PipelinePosition.PerCall);
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(endpoint.ApiKey) ? NoKey : endpoint.ApiKey);
        var chatClient = new ChatClient(PlaceholderModel, credential, options);
        return new ProviderErrorTranslatingChatClient(chatClient.AsIChatClient(), endpoint.Name, scrubber, timeProvider);
    }
}
