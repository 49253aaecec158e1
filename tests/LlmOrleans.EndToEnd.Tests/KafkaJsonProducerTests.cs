using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;
using LlmOrleans.Messaging.Messages;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>Where a caller of <see cref="KafkaJsonProducer.ProduceAsync{T}"/> resumes once the broker acknowledged.</summary>
public sealed class KafkaJsonProducerTests : IDisposable
{
    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task ACallerNotOnAGrain_ResumesOnTheThreadPool_NeverOnTheProducersPollThread()
    {
        var topic = $"resume-{Guid.NewGuid():N}";
        _broker.CreateTopic(topic, 1);
        using var producer = TestProducers.Create(_broker.BootstrapServers, TimeSpan.Zero);
        var message = new JobRequestMessage { RequestId = "r", Provider = "echo", Model = "m", Prompt = "p" };

        // Task.Run: no synchronization context and the default scheduler, as in a hosted service.
        var resumedOn = await Task.Run(async () =>
        {
            await producer.ProduceAsync(topic, "r", message, MessagingJsonContext.Wire.JobRequestMessage);
            return (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name);
        });

        Assert.True(resumedOn.IsThreadPoolThread, $"resumed on thread '{resumedOn.Name}', not on the thread pool");
    }
}
