using System.Net.Http.Headers;
using System.Text.Json;

namespace LlmOrleans.Bench.Load;

/// <summary>The <c>POST /process</c> body, serialized once and sent as the same bytes every time.</summary>
public sealed class JobBody
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _utf8;

    public JobBody(string provider, string model, string prompt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", provider);
            writer.WriteString("model", model);
            writer.WriteString("prompt", prompt);
            writer.WriteEndObject();
        }

        _utf8 = buffer.ToArray();
    }

    /// <summary>The body's JSON.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>
    /// Content over the shared bytes. HttpClient does not dispose request content, so one sender may reuse
    /// it for request after request (never concurrently), headers included.
    /// </summary>
    public ByteArrayContent NewContent()
    {
        var content = new ByteArrayContent(_utf8);
        content.Headers.ContentType = Json;
        content.Headers.ContentLength = _utf8.Length;
        return content;
    }
}
