using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>One request header a client adds, and whether HTTP/1.1 allows it as it is.</summary>
/// <param name="Name">The name as sent.</param>
/// <param name="Value">The value as sent (Latin-1 on the wire).</param>
/// <param name="Harmless">A token name with no meaning to the server and a short visible-ASCII value: must change nothing.</param>
public sealed record HeaderCase(string Name, string Value, bool Harmless)
{
    public override string ToString() => $"{Name}: {Value}";
}

/// <summary>Random and adversarial request headers: names, values, framing and connection headers, oversized values.</summary>
public static class HeaderGen
{
    private const string TokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly string[] Meaningful =
    [
        "Content-Length", "Transfer-Encoding", "Expect", "Host", "Content-Type", "Connection", "Content-Encoding",
        "Upgrade", "TE", "Trailer", "Authorization", "Cookie", "X-Forwarded-For", "X-Forwarded-Proto", "X-HTTP-Method-Override",
    ];

    private static readonly Gen<string> Token = Gen.String[Gen.Char[TokenChars], 1, 30];

    private static readonly Gen<string> VisibleValue = Gen.String[Gen.Char[' ', '~'], 0, 200].Select(v => v.Trim());

    public static readonly Gen<HeaderCase> Any = Gen.Frequency(
        (6, Gen.Select(Token.Where(n => !Meaningful.Contains(n, StringComparer.OrdinalIgnoreCase)), VisibleValue,
            (name, value) => new HeaderCase(name, value, true))),
        (2, Gen.Select(Gen.OneOf(Meaningful), Gen.Frequency(
                (2, Gen.OneOf("-1", "0", "99999999999999999999", "chunked", "gzip, chunked", "chunked, gzip", "identity", "100-continue",
                    "close", "keep-alive, Upgrade", "h2c", "websocket", "", "application/json, text/plain", "localhost:1", "[::1", "a b")),
                (1, VisibleValue)),
            (name, value) => new HeaderCase(name, value, false))),
        (1, Gen.Select(Gen.String[Gen.Char['\u0001', '\u00FF'], 1, 20].Where(n => !n.Contains('\r') && !n.Contains('\n')), VisibleValue,
            (name, value) => new HeaderCase(name, value, false))),
        (1, Gen.Select(Token, Gen.String[Gen.Char['\u0000', '\u00FF'], 0, 60].Where(v => !v.Contains('\r') && !v.Contains('\n')),
            (name, value) => new HeaderCase(name, value, false))),
        (1, Gen.Select(Token, Gen.Int[4_000, 40_000], (name, length) => new HeaderCase(name, new string('v', length), false))));
}
