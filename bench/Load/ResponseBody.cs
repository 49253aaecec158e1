namespace LlmOrleans.Bench.Load;

/// <summary>Reads a response body into a caller's buffer without allocating, draining whatever does not fit.</summary>
public static class ResponseBody
{
    /// <summary>Reads the body; returns how many bytes of it are in <paramref name="buffer"/>.</summary>
    public static async ValueTask<int> ReadAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                return length;
            }

            length += read;
        }

        // The connection can only be reused once the body has been read to its end.
        await stream.CopyToAsync(Stream.Null);
        return length;
    }
}
