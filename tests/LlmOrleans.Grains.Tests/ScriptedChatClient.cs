using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace LlmOrleans.Grains.Tests;

/// <summary>
/// A chat client whose answers the tests script per model, so tests sharing one cluster never see each
/// other's calls. Records when each call started and how many finished.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentDictionary<string, ModelScript> _models = new();

    /// <summary>Queues the behaviour of the next calls for <paramref name="model"/>, in order.</summary>
    public void Script(string model, params ProviderStep[] steps)
    {
        var script = _models.GetOrAdd(model, _ => new ModelScript());
        foreach (var step in steps)
        {
            script.Steps.Enqueue(step);
        }
    }

    /// <summary>How many calls for <paramref name="model"/> have started.</summary>
    public int Calls(string model) => CallStarts(model).Count;

    /// <summary>How many calls for <paramref name="model"/> have returned or thrown.</summary>
    public int CompletedCalls(string model) => _models.TryGetValue(model, out var script) ? script.Completed : 0;

    /// <summary>When each call for <paramref name="model"/> started, in <see cref="Stopwatch"/> timestamps.</summary>
    public IReadOnlyList<long> CallStarts(string model) =>
        _models.TryGetValue(model, out var script) ? [.. script.Starts] : [];

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? throw new InvalidOperationException("The job's model must reach the client.");
        var script = _models.GetOrAdd(model, _ => new ModelScript());
        script.Starts.Enqueue(Stopwatch.GetTimestamp());
        try
        {
            return script.Steps.TryDequeue(out var step)
                ? await step(cancellationToken)
                : throw new InvalidOperationException($"No scripted answer left for model '{model}'.");
        }
        finally
        {
            Interlocked.Increment(ref script.Completed);
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Jobs do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private sealed class ModelScript
    {
        public readonly ConcurrentQueue<ProviderStep> Steps = new();
        public readonly ConcurrentQueue<long> Starts = new();
        public int Completed;
    }
}
