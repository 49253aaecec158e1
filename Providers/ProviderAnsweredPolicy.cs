using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;

namespace LlmOrleans.Providers;

/// <summary>
/// Notes, for the call in flight, that the provider answered with a success status. The SDK throws a zoo of
/// exceptions on a broken success body (JsonException, InvalidOperationException, ArgumentOutOfRangeException,
/// NullReferenceException, ...); whatever fails after this mark failed on the body, so it is a malformed reply.
/// </summary>
internal sealed class ProviderAnsweredPolicy : PipelinePolicy
{
    public static readonly ProviderAnsweredPolicy Instance = new();

    private static readonly AsyncLocal<StrongBox<bool>?> CurrentCall = new();

    /// <summary>Starts tracking the calls made from the current async flow; the box turns true once answered.</summary>
    public static StrongBox<bool> Track() => CurrentCall.Value = new StrongBox<bool>();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Mark(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Mark(message);
    }

    private static void Mark(PipelineMessage message)
    {
        if (message.Response is { IsError: false } && CurrentCall.Value is { } answered)
        {
            answered.Value = true;
        }
    }
}
