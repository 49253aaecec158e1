using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Scenarios;

/// <summary>N senders, each sending its next request as soon as the previous one is done.</summary>
public static class ClosedLoop
{
    /// <summary>
    /// Runs <paramref name="step"/> on every sender until it returns false; once <paramref name="cancellationToken"/> is
    /// cancelled no sender starts another step, and this throws when they are done.
    /// </summary>
    public static async Task RunAsync(int senders, JobBody body, Func<Sender, Task<bool>> step, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            var sender = new Sender(body.NewContent(), new byte[JobSubmitter.BufferSize]);
            while (!cancellationToken.IsCancellationRequested && await step(sender))
            {
            }
        })));
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>What one closed-loop sender reuses for every request: the body content and a response buffer.</summary>
public sealed record Sender(HttpContent Content, byte[] Buffer);
