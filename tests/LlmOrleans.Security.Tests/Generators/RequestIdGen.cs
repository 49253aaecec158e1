using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>What a client puts after <c>/result/</c>: the id it means and the path text it sends.</summary>
/// <param name="Id">The id as meant, or null for raw path text (dot segments, stray escapes).</param>
/// <param name="PathText">Exactly what follows <c>/result/</c> on the request line.</param>
public sealed record RequestIdCase(string? Id, string PathText)
{
    /// <summary>An id made only of unreserved characters other than dots: it reaches the handler as it is.</summary>
    public bool IsPlain => Id is { Length: > 0 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~');
}

/// <summary>Request ids of every shape: random Unicode, UUIDs in all of .NET's formats, very long, dot segments, stray escapes.</summary>
public static class RequestIdGen
{
    public static readonly Gen<RequestIdCase> Any = Gen.Frequency(
        (3, TextGen.Any(30).Select(Escaped)),
        (2, Gen.Select(Gen.Guid, Gen.OneOf("D", "N", "B", "P", "X"), Gen.Bool, Gen.OneOf("", " ", "\t"),
            (guid, format, upper, pad) => Escaped(pad + (upper ? guid.ToString(format).ToUpperInvariant() : guid.ToString(format)) + pad))),
        (2, Gen.String[Gen.Char.AlphaNumeric, 1, 40].Select(Escaped)),
        (1, Gen.Int[100, 6000].Select(n => Escaped(new string('a', n)))),
        (1, Gen.OneOf(".", "..", "./..", "../process", "..%2F..", "%2e%2e", "%2E", "a/../b", "....", "%00", "%", "%zz", "%C0%AF",
                "%ED%A0%80", "%FF", ";x", "a%2Fb", "%252e%252e", "..;", "\\..\\process", "~", "%20")
            .Select(raw => new RequestIdCase(null, raw))));

    private static RequestIdCase Escaped(string id) => new(id, Uri.EscapeDataString(id));
}
