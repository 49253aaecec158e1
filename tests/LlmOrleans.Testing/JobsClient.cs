using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LlmOrleans.Testing;

/// <summary>The HTTP API as a client sees it.</summary>
public static class JobsClient
{
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string body, string contentType = "application/json") =>
        http.PostAsync("/process", new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<string> SubmitAsync(this HttpClient http, string provider, string model, string prompt)
    {
        using var response = await http.PostAsJsonAsync("/process", new { provider, model, prompt });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"POST /process answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("request_id").GetString()!;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetResultAsync(this HttpClient http, string requestId, string? wait = null)
    {
        using var response = await http.GetAsync(wait is null ? $"/result/{requestId}" : $"/result/{requestId}?wait={wait}");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Polls until the job is finished; every read before that must say pending.</summary>
    public static Task<JsonElement> WaitForFinishAsync(this HttpClient http, string requestId, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            async () =>
            {
                var (status, body) = await http.GetResultAsync(requestId);
                return status == HttpStatusCode.OK
                    ? body
                    : throw new HttpRequestException($"GET /result/{requestId} answered {(int)status} while waiting: {body}");
            },
            body => body.GetProperty("status").GetString() != "pending",
            timeout ?? TimeSpan.FromSeconds(30),
            $"job {requestId} to finish");
}
