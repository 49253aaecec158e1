using System.Text.Json;
using LlmOrleans.Bench.Results;
using LlmOrleans.Gateway.Api;
using LlmOrleans.Messaging.Messages;

namespace LlmOrleans.Bench.Tests;

/// <summary>The bench reads a job's status and timestamps from exactly what the gateway and the silo write.</summary>
public sealed class ResultReadingTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Started = Created.AddMilliseconds(10.5);
    private static readonly DateTimeOffset Completed = Created.AddMilliseconds(11.75);

    [Fact]
    public void A_result_on_the_response_topic_gives_status_and_both_timestamps()
    {
        var message = new JobResultMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            Status = "succeeded",
            Provider = "echo",
            Model = "m",
            Output = "a \"quoted\" answer with \"status\": \"failed\" inside it",
            Attempts = 1,
            CreatedAt = Created,
            StartedAt = Started,
            CompletedAt = Completed,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(message, MessagingJsonContext.Wire.JobResultMessage);

        Assert.Equal(new ResultFields(JobStatus.Succeeded, Started, Completed), JobStatusReader.Read(json));
    }

    [Theory]
    [InlineData("failed", JobStatus.Failed)]
    [InlineData("succeeded", JobStatus.Succeeded)]
    public void A_finished_status_read_by_get_gives_its_status_and_timestamps(string status, JobStatus expected)
    {
        var response = new JobStatusResponse(
            Guid.NewGuid().ToString(), status, status, "echo", "m", null, status == "failed" ? "boom" : null, 3,
            Created, Started, Completed, null, null);
        var json = JsonSerializer.SerializeToUtf8Bytes(response, GatewayJsonContext.Default.JobStatusResponse);

        Assert.Equal(new ResultFields(expected, Started, Completed), JobStatusReader.Read(json));
    }

    [Fact]
    public void A_queued_job_read_by_get_is_pending_without_timestamps()
    {
        var response = new JobStatusResponse(Guid.NewGuid().ToString(), "pending", "queued", "echo", "m", null, null, 0, Created, null, null, null, null);
        var json = JsonSerializer.SerializeToUtf8Bytes(response, GatewayJsonContext.Default.JobStatusResponse);

        Assert.Equal(new ResultFields(JobStatus.Pending), JobStatusReader.Read(json));
    }

    [Fact]
    public void A_body_cut_off_before_the_timestamps_keeps_the_status()
    {
        var json = """{"request_id":"x","status":"succeeded","phase":"succeeded","output":"a long answer"""u8.ToArray();

        Assert.Equal(new ResultFields(JobStatus.Succeeded), JobStatusReader.Read(json));
    }

    [Theory]
    [InlineData("""{"status":"exploded"}""")]
    [InlineData("""{"status":42}""")]
    [InlineData("""{"output":"no status at all"}""")]
    [InlineData("""<html>502 Bad Gateway</html>""")]
    [InlineData("")]
    public void Anything_else_is_unreadable(string body) =>
        Assert.Equal(JobStatus.Unreadable, JobStatusReader.Read(System.Text.Encoding.UTF8.GetBytes(body)).Status);

    [Fact]
    public void A_tombstone_on_the_response_topic_is_unreadable() =>
        Assert.Equal(JobStatus.Unreadable, new JobStatusDeserializer().Deserialize([], isNull: true, default).Status);
}
