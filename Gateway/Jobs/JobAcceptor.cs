using System.Threading.Channels;
using Confluent.Kafka;
using LlmOrleans.Messaging;
using LlmOrleans.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Accepts jobs in groups, the way a database commits a group of transactions: the jobs that arrive while
/// one group's marks are being written form the next group (<see cref="AcceptanceGroup"/>). Alone, a job is a
/// group of one and waits for nobody; under load, a Redis command and a thread hand-off are shared by the
/// group instead of paid per job. A slow Redis holds the next group back for <see cref="MaxWaitForGroup"/> at
/// most, so an outage fails each job after its own timeout, not after those of the groups before it.
/// </summary>
public sealed class JobAcceptor(QueuedJobIndex queued, KafkaJsonProducer producer, IOptions<KafkaOptions> kafka, GatewayMetrics metrics)
    : BackgroundService
{
    /// <summary>The most jobs in one group.</summary>
    public const int MaxGroupSize = 256;

    /// <summary>How long the next group waits for the one before it at most.</summary>
    public static readonly TimeSpan MaxWaitForGroup = TimeSpan.FromMilliseconds(20);

    private readonly Channel<PendingJob> _pending = Channel.CreateUnbounded<PendingJob>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Marks the job as queued in Redis and writes its request message to Kafka; completes once Kafka
    /// acknowledged it, with the partition it went to. Throws the failing step's exception otherwise, and then the
    /// job was not accepted.
    /// </summary>
    public Task<Partition> AcceptAsync(string requestId, QueuedJob mark, Message<string, byte[]> request)
    {
        var job = new PendingJob(requestId, mark, request);
        return _pending.Writer.TryWrite(job)
            ? job.Task
            : Task.FromException<Partition>(new KafkaException(new Error(Confluent.Kafka.ErrorCode.Local_Destroy, "The gateway is stopping.")));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs until the channel is closed and empty, not until stoppingToken: every job taken in gets an answer.
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var jobs = new List<PendingJob>();
            while (jobs.Count < MaxGroupSize && reader.TryRead(out var job))
            {
                jobs.Add(job);
            }

            metrics.GroupStarted(jobs.Count);
            var marked = new AcceptanceGroup(jobs, queued, producer, kafka.Value.RequestTopic).StartAsync();
            await Task.WhenAny(marked, Task.Delay(MaxWaitForGroup, CancellationToken.None));
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }
}
