using System.Text;
using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>Bodies that are mostly not valid JSON: random bytes, broken jobs, token soup, invalid UTF-8.</summary>
public static class BodyBytesGen
{
    public static readonly byte[] ValidJob = """{"provider":"echo","model":"m","prompt":"hello, world"}"""u8.ToArray();

    /// <summary>Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, encoded surrogates, beyond U+10FFFF, truncated sequences.</summary>
    public static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf<byte[]>(
        [0x80], [0xBF], [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
        [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3]);

    public static readonly Gen<byte[]> Any = Gen.Frequency(
        (3, Gen.Byte.Array[0, 2000]),
        (4, Mutated(ValidJob)),
        (3, TokenSoup()),
        (2, Gen.Select(Gen.Int[0, ValidJob.Length], InvalidUtf8, (at, bad) => Splice(ValidJob, at, 0, bad))));

    /// <summary>A valid job whose <paramref name="field"/> value holds an invalid UTF-8 sequence.</summary>
    public static byte[] WithInvalidUtf8In(string field, byte[] bad, string before, string after)
    {
        var values = new Dictionary<string, string> { ["provider"] = "echo", ["model"] = "m", ["prompt"] = "hello" };
        var body = new List<byte>();
        body.AddRange("{"u8.ToArray());
        foreach (var (name, value) in values)
        {
            body.AddRange(Encoding.UTF8.GetBytes($"{(body.Count > 1 ? "," : "")}\"{name}\":\""));
            body.AddRange(Encoding.UTF8.GetBytes(name == field ? before : value));
            if (name == field)
            {
                body.AddRange(bad);
                body.AddRange(Encoding.UTF8.GetBytes(after));
            }

            body.Add((byte)'"');
        }

        body.Add((byte)'}');
        return [.. body];
    }

    private static Gen<byte[]> Mutated(byte[] original) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, original.Length], Gen.Int[0, 8], Gen.Byte.Array[0, 4], (kind, at, length, bytes) => kind switch
        {
            0 => original[..at],
            1 => Splice(original, at, 0, bytes),
            2 => Splice(original, at, Math.Min(length, original.Length - at), []),
            _ => Splice(original, at, Math.Min(length, original.Length - at), bytes),
        });

    private static Gen<byte[]> TokenSoup() =>
        Gen.OneOf("{", "}", "[", "]", ":", ",", "\"prompt\"", "\"provider\"", "\"model\"", "\"echo\"", "\"x", "1", "-", "1e", "null",
                "true", "nul", " ", "\n", "\\", "\"\\u12\"", "\"\\ud800\"", "//", "/*", "'a'", "NaN", "Infinity", "\u0000", "\uFEFF")
            .Array[0, 40]
            .Select(tokens => Encoding.UTF8.GetBytes(string.Concat(tokens)));

    private static byte[] Splice(byte[] original, int at, int remove, byte[] insert) =>
        [.. original[..at], .. insert, .. original[(at + remove)..]];
}
