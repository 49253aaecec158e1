using Confluent.Kafka;
using LlmOrleans.Messaging;

namespace LlmOrleans.Bench.Load;

/// <summary>
/// The Kafka baseline's way in: writes the job's JSON body to the request topic keyed by a new request id, through the
/// system's own producer, and accepts the job once the broker acknowledged it, as the gateway answers a POST. Only the
/// HTTP path uses the content and buffer it is given.
/// </summary>
public sealed class KafkaJobSubmitter(KafkaJsonProducer producer, string topic, JobBody body, ErrorTally errors) : IJobSubmitter
{
    private readonly byte[] _value = body.Utf8.ToArray();

    public Task<Guid?> SubmitAsync(HttpContent content, byte[] buffer)
    {
        var id = Guid.NewGuid();
        var accepted = new TaskCompletionSource<Guid?>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            producer.Produce(topic, new Message<string, byte[]> { Key = id.ToString(), Value = _value }, report =>
            {
                if (report.Error.IsError)
                {
                    errors.Add($"kafka {report.Error.Code}");
                    accepted.TrySetResult(null);
                }
                else
                {
                    accepted.TrySetResult(id);
                }
            });
        }
        catch (Exception ex)
        {
            errors.Add(ex);
            return Task.FromResult<Guid?>(null);
        }

        return accepted.Task;
    }
}
