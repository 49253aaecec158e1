using System.Net.Sockets;
using LlmOrleans.Grains.Providers;
using LlmOrleans.Grains.Telemetry;

namespace LlmOrleans.Grains.Tests;

public sealed class AttemptOutcomeTests
{
    [Fact]
    public void Of_ProviderStatus_IsHttpAndTheStatus() =>
        Assert.Equal("http_429", AttemptOutcome.Of(new LlmProviderException("slow down", isTransient: true, statusCode: 429)));

    [Fact]
    public void Of_CancelledOrTimedOutCall_IsTimeout() =>
        Assert.Equal("timeout", AttemptOutcome.Of(new LlmProviderException("late", isTransient: true, innerException: new TaskCanceledException())));

    [Fact]
    public void Of_TransportFailureAnywhereInTheChain_IsConnection() =>
        Assert.Equal("connection", AttemptOutcome.Of(new LlmProviderException("reset", isTransient: true,
            innerException: new HttpRequestException("send failed", new SocketException((int)SocketError.ConnectionReset)))));

    [Fact]
    public void Of_PermanentFailureWithoutStatus_IsRejected() =>
        Assert.Equal("rejected", AttemptOutcome.Of(new LlmProviderException("not configured", isTransient: false)));

    [Fact]
    public void Of_OtherTransientFailure_IsOther() =>
        Assert.Equal("other", AttemptOutcome.Of(new LlmProviderException("malformed", isTransient: true, innerException: new FormatException())));
}
