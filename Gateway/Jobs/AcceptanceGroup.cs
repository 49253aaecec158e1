using Confluent.Kafka;
using LlmOrleans.Messaging;
using LlmOrleans.ServiceDefaults.Redis;

namespace LlmOrleans.Gateway.Jobs;

/// <summary>
/// Jobs accepted together: their queued marks go to Redis in one command, then their request messages to
/// Kafka; the delivery reports are counted on librdkafka's poll thread and the last one hands the whole group
/// back to the thread pool, which completes every job. Per group, not per job: one Redis reply, one thread
/// hand-off for all delivery reports.
/// </summary>
internal sealed class AcceptanceGroup(IReadOnlyList<PendingJob> jobs, QueuedJobIndex queued, KafkaJsonProducer producer, string topic)
    : IThreadPoolWorkItem
{
    private int _undelivered = jobs.Count;

    /// <summary>Writes the marks and queues the messages; completes once the marks are written (or failed).</summary>
    public async Task StartAsync()
    {
        try
        {
            await queued.MarkAllAsync(jobs.Select(job => (job.RequestId, job.Mark)).ToList());
        }
        catch (Exception ex)
        {
            foreach (var job in jobs)
            {
                job.TrySetException(ex);
            }

            return;
        }

        foreach (var job in jobs)
        {
            try
            {
                producer.Produce(topic, job.Request, report => Delivered(job, report));
            }
            catch (Exception ex)
            {
                // Not even queued (local queue full, producer gone): fail the job, never leave the group waiting for it.
                job.Failure = ex as KafkaException ?? new KafkaException(new Error(Confluent.Kafka.ErrorCode.Local_Fail, "The Kafka producer did not take the message."), ex);
                Arrived();
            }
        }
    }

    private void Delivered(PendingJob job, DeliveryReport<string, byte[]> report)
    {
        job.Partition = report.Partition;
        if (report.Error.IsError)
        {
            job.Failure = new KafkaException(report.Error);
        }

        Arrived();
    }

    private void Arrived()
    {
        if (Interlocked.Decrement(ref _undelivered) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Every delivery report is in: completes the jobs, and drops the marks of those Kafka did not take.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        foreach (var job in jobs)
        {
            if (job.Failure is { } failure)
            {
                queued.Forget(job.RequestId);
                job.TrySetException(failure);
            }
            else
            {
                job.TrySetResult(job.Partition);
            }
        }
    }
}
