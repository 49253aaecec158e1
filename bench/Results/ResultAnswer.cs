using System.Net;
using LlmOrleans.Bench.Load;

namespace LlmOrleans.Bench.Results;

/// <summary>What one <c>GET /result/{id}</c> answer says of the job.</summary>
public static class ResultAnswer
{
    /// <summary>The job's status and timestamps; an answer other than 200 or 404 is counted and read as still pending, so the job is asked again.</summary>
    public static async Task<ResultFields> ReadAsync(HttpResponseMessage response, byte[] buffer, ErrorTally errors)
    {
        var length = await ResponseBody.ReadAsync(response, buffer);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return JobStatusReader.Read(buffer.AsSpan(0, length));
            case HttpStatusCode.NotFound:
                return new ResultFields(JobStatus.NotFound);
            default:
                errors.AddStatus((int)response.StatusCode);
                return new ResultFields(JobStatus.Pending);
        }
    }
}
