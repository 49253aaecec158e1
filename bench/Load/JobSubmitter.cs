using System.Net;
using System.Text.Json;

namespace LlmOrleans.Bench.Load;

/// <summary>Sends <c>POST /process</c> and reads the request id from the 202, counting failures by kind.</summary>
public sealed class JobSubmitter(LoadClient client, ErrorTally errors) : IJobSubmitter
{
    /// <summary>Size of the buffer a sender passes in: a 202 body is ~55 bytes, a ProblemDetails a few hundred.</summary>
    public const int BufferSize = 1024;

    public async Task<Guid?> SubmitAsync(HttpContent content, byte[] buffer)
    {
        try
        {
            // The request message is deliberately not disposed: that would dispose the reused content.
            var request = new HttpRequestMessage(HttpMethod.Post, client.ProcessUri) { Content = content };
            using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var length = await ResponseBody.ReadAsync(response, buffer);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                errors.AddStatus((int)response.StatusCode);
                return null;
            }

            if (RequestIdOf(buffer.AsSpan(0, length)) is { } id)
            {
                return id;
            }

            errors.Add("bad 202 body");
            return null;
        }
        catch (Exception ex)
        {
            errors.Add(ex);
            return null;
        }
    }

    private static Guid? RequestIdOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("request_id"u8))
            {
                return reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var id) ? id : null;
            }
        }

        return null;
    }
}
