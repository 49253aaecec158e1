using System.Text;

namespace LlmOrleans.Testing;

/// <summary>One HTTP/1.1 response as read off the wire.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">Header values by name (case-insensitive; a repeated header keeps the last value).</param>
/// <param name="Body">The body, de-chunked when it was sent chunked.</param>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The media type of <c>Content-Type</c> without parameters, or null.</summary>
    public string? MediaType => Headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim() : null;

    /// <summary>The final (non-1xx) response in <paramref name="bytes"/>; throws when there is none.</summary>
    public static RawHttpResponse Parse(byte[] bytes)
    {
        var offset = 0;
        while (true)
        {
            var headEnd = IndexOf(bytes, "\r\n\r\n"u8, offset);
            if (headEnd < 0)
            {
                throw new InvalidDataException(
                    $"No complete response head in {bytes.Length} bytes: '{Encoding.Latin1.GetString(bytes, offset, Math.Min(200, bytes.Length - offset))}'");
            }

            var lines = Encoding.Latin1.GetString(bytes, offset, headEnd - offset).Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1]);
            var headers = lines.Skip(1)
                .Select(line => line.Split(':', 2))
                .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
            offset = headEnd + 4;
            if (status is >= 100 and < 200)
            {
                continue;
            }

            var rest = bytes[offset..];
            var body = headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
                ? Dechunk(rest)
                : headers.TryGetValue("Content-Length", out var length) ? rest[..Math.Min(rest.Length, int.Parse(length))] : rest;
            return new RawHttpResponse(status, headers, body);
        }
    }

    /// <summary>Whether <paramref name="bytes"/> hold a whole final response, so reading may stop before the server closes.</summary>
    public static bool IsComplete(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (true)
        {
            var headLength = bytes[offset..].IndexOf("\r\n\r\n"u8);
            if (headLength < 0)
            {
                return false;
            }

            var head = Encoding.Latin1.GetString(bytes.Slice(offset, headLength)).Split("\r\n");
            var body = bytes[(offset + headLength + 4)..];
            if (head[0].Split(' ') is [_, ['1', _, _], ..])
            {
                offset += headLength + 4;
                continue;
            }

            var headers = head.Skip(1).Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2).ToList();
            var length = headers.LastOrDefault(h => h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))?[1].Trim();
            var chunked = headers.Any(h => h[0].Trim().Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && h[1].Contains("chunked", StringComparison.OrdinalIgnoreCase));
            return chunked ? body.IndexOf("0\r\n\r\n"u8) is 0 || body.IndexOf("\r\n0\r\n\r\n"u8) >= 0
                : length is not null && body.Length >= long.Parse(length);
        }
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var offset = 0;
        while (true)
        {
            var lineEnd = IndexOf(chunked, "\r\n"u8, offset);
            if (lineEnd < 0)
            {
                return body.ToArray();
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, offset, lineEnd - offset).Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, Math.Min(size, chunked.Length - lineEnd - 2));
            offset = lineEnd + 2 + size + 2;
        }
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle, int start)
    {
        var index = haystack.AsSpan(start).IndexOf(needle);
        return index < 0 ? -1 : start + index;
    }
}
