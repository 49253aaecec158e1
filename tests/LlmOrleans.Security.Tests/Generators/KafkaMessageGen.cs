using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>A message for the request topic: what it carries and, when it is not a valid job, the field its error must name.</summary>
/// <param name="Kind">What kind of input it is, for reports.</param>
/// <param name="Key">The key bytes (null for none).</param>
/// <param name="Value">The value bytes (null for a tombstone).</param>
/// <param name="Headers">Headers, values possibly null.</param>
/// <param name="Field">For an invalid job, the word its dead-letter error must contain (a field name, or e.g. <c>depth</c>).</param>
public sealed record KafkaCase(string Kind, byte[]? Key, byte[]? Value, (string Name, byte[]? Value)[] Headers, string? Field)
{
    public Message<byte[]?, byte[]?> ToMessage()
    {
        var headers = new Headers();
        foreach (var (name, value) in Headers)
        {
            headers.Add(name, value);
        }

        return new Message<byte[]?, byte[]?> { Key = Key, Value = Value, Headers = headers };
    }

    public override string ToString() =>
        $"{Kind}: key {(Key is null ? "null" : Convert.ToHexString(Key))}, value {(Value is null ? "null" : Value.Length > 300 ? $"({Value.Length} bytes)" : Encoding.UTF8.GetString(Value))}, "
        + $"headers [{string.Join(", ", Headers.Select(h => $"{h.Name}={(h.Value is null ? "null" : Convert.ToHexString(h.Value))}"))}]";
}

/// <summary>
/// Hostile request-topic messages: random bytes, tombstones, JSON that is not a job, jobs with one bad
/// field (missing, blank, too long, wrong type, lone surrogate, invalid UTF-8), unsupported schemas, bad
/// ids, deep nesting, random keys and headers (including malformed or null W3C trace context).
/// </summary>
public static class KafkaMessageGen
{
    private const string InvalidJobId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private static readonly string[] JobFields = ["provider", "model", "prompt"];

    public static readonly Gen<byte[]?> Key = Gen.Frequency(
        (2, Gen.Const((byte[]?)null)),
        (2, Gen.Guid.Select(g => (byte[]?)Encoding.UTF8.GetBytes(g.ToString()))),
        (2, Gen.Byte.Array[0, 100].Select(b => (byte[]?)b)),
        (1, Gen.Guid.Select(g => (byte[]?)Encoding.UTF8.GetBytes(g.ToString().PadRight(70)))));

    public static readonly Gen<(string, byte[]?)> Header = Gen.Frequency(
        (2, Gen.Select(TextGen.Any(10), Gen.Byte.Array[0, 40], (name, value) => (name, (byte[]?)value))),
        (1, Gen.Select(TextGen.Any(10), Gen.Const((byte[]?)null), (name, value) => (name, value))),
        (3, Gen.Select(Gen.OneOf("traceparent", "tracestate"), Gen.Frequency(
            (2, Gen.Const((byte[]?)null)),
            (1, Gen.Const((byte[]?)[])),
            (2, Gen.OneOf("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "00-00000000000000000000000000000000-0000000000000000-01", "00-zz-zz-zz", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", ",,,=,")
                .Select(s => (byte[]?)Encoding.ASCII.GetBytes(s))),
            (1, Gen.Byte.Array[0, 60].Select(b => (byte[]?)b))),
            (name, value) => (name, value))));

    /// <summary>A job with exactly one field wrong; its request id is valid, so the error is about that field.</summary>
    private static readonly Gen<(string, byte[]?, string?)> BadFieldJob = Gen.Frequency(
        (2, Gen.OneOf(JobFields).Select(f => ($"missing {f}", (byte[]?)Job(j => j.Remove(f)), (string?)f))),
        (2, Gen.Select(Gen.OneOf(JobFields), TextGen.Blank, (f, blank) => ($"blank {f}", (byte[]?)Job(j => j[f] = blank), (string?)f))),
        (1, Gen.OneOf("provider", "model").Select(f => ($"long {f}", (byte[]?)Job(j => j[f] = new string('x', 257)), (string?)f))),
        (2, Gen.Select(Gen.OneOf(JobFields), Gen.OneOf<JsonNode?>(123, true, new JsonArray(), new JsonObject(), 1e300), (f, v) => ($"{f} of the wrong type", (byte[]?)Job(j => j[f] = v?.DeepClone()), (string?)f))),
        (2, Gen.Select(Gen.OneOf(JobFields), TextGen.LoneSurrogateEscape, (f, s) => ($"lone surrogate in {f}", (byte[]?)WithRawString(f, $"a{s}b"), (string?)f))),
        (2, Gen.Select(Gen.OneOf(JobFields), BodyBytesGen.InvalidUtf8, (f, bad) => ($"invalid UTF-8 in {f}", (byte[]?)BodyBytesGen.WithInvalidUtf8In(f, bad, "a", "b"), (string?)f))),
        (1, Gen.Const(("bad request_id", (byte[]?)Job(j => j["request_id"] = "not-a-uuid"), (string?)"request_id"))),
        (1, Gen.Const(("request_id from a key that is not one", (byte[]?)Job(j => j.Remove("request_id")), (string?)"request_id"))));

    /// <summary>A message that is not a valid job, with its key and headers.</summary>
    public static readonly Gen<KafkaCase> Invalid =
        from body in Gen.Frequency(
            (3, Gen.Byte.Array[1, 3000].Select(b => ("random bytes", (byte[]?)b, (string?)null))),
            (1, Gen.OneOf<(string, byte[]?, string?)>(("tombstone", null, null), ("empty", [], null))),
            (1, Gen.OneOf("null", "[]", "\"job\"", "42", "true", "{", "{}}", "\uFEFF{}").Select(j => ("not an object", (byte[]?)Encoding.UTF8.GetBytes(j), (string?)null))),
            (8, BadFieldJob),
            (1, Gen.Int[2, 1000].Select(s => ("unsupported schema", (byte[]?)Job(j => j["schema"] = s), (string?)"schema"))),
            (1, Gen.OneOf<JsonNode>("1", 1.5, new JsonArray()).Select(s => ("schema of the wrong type", (byte[]?)Job(j => j["schema"] = s.DeepClone()), (string?)"schema"))),
            (1, Gen.OneOf("yesterday", "2026-13-45T00:00:00Z", "").Select(d => ("bad created_at", (byte[]?)Job(j => j["created_at"] = d), (string?)"created_at"))),
            (1, Gen.Int[65, 5_000].Select(n => ("deeply nested", (byte[]?)Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"x\":", n))), (string?)"depth"))))
        from key in Key
        from headers in Header.Array[0, 4]
        select new KafkaCase(body.Item1, body.Item2 is null || body.Item3 is not "request_id" ? key : NotAUuid(key), body.Item2, headers, body.Item3);

    /// <summary>A valid echo job with a fresh request id, possibly with hostile headers.</summary>
    public static Gen<(KafkaCase Message, string RequestId, string Prompt)> Valid =>
        from id in Gen.Guid
        from prompt in TextGen.Any(30).Where(p => !string.IsNullOrWhiteSpace(p))
        from headers in Header.Array[0, 3]
        let requestId = id.ToString()
        select (new KafkaCase("valid job", Encoding.UTF8.GetBytes(requestId), Job(j => { j["request_id"] = requestId; j["prompt"] = prompt; }), headers, null),
            requestId, prompt);

    /// <summary>A valid job, changed by <paramref name="change"/>. Invalid ones never reach a grain, so may share an id.</summary>
    public static byte[] Job(Action<JsonObject> change)
    {
        var job = new JsonObject { ["schema"] = 1, ["request_id"] = InvalidJobId, ["provider"] = "echo", ["model"] = "m", ["prompt"] = "hello" };
        change(job);
        return JsonSerializer.SerializeToUtf8Bytes(job);
    }

    private static byte[] WithRawString(string field, string rawJsonString)
    {
        var job = new Dictionary<string, string> { ["provider"] = "\"echo\"", ["model"] = "\"m\"", ["prompt"] = "\"hello\"" };
        job[field] = $"\"{rawJsonString}\"";
        return Encoding.UTF8.GetBytes($"{{\"request_id\":\"{InvalidJobId}\",{string.Join(",", job.Select(f => $"\"{f.Key}\":{f.Value}"))}}}");
    }

    private static byte[]? NotAUuid(byte[]? key) =>
        key is not null && Guid.TryParse(Encoding.UTF8.GetString(key), out _) ? Encoding.UTF8.GetBytes("not-a-uuid") : key;
}
