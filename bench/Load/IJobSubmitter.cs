namespace LlmOrleans.Bench.Load;

/// <summary>How a job enters the system under test: <c>POST /process</c>, or a Kafka write for the baseline.</summary>
public interface IJobSubmitter
{
    /// <summary>Submits once; returns the request id once the job is accepted, or null after counting the error.</summary>
    Task<Guid?> SubmitAsync(HttpContent content, byte[] buffer);
}
