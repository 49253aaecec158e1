using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>Strings that stress text handling: every plane of Unicode, white space of all kinds, control characters.</summary>
public static class TextGen
{
    /// <summary>One character or surrogate pair, weighted towards the awkward ones.</summary>
    public static readonly Gen<string> Unit = Gen.Frequency(
        (10, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (3, Gen.OneOf(" ", "\t", "\n", "\r", "\u00A0", "\u2028", "\u3000", "\u0085")),
        (2, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),
        (3, Gen.Char['\u0080', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
        (2, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (1, Gen.OneOf("\"", "\\", "/", "\uFEFF", "\u200B", "\u202E", "\u0000", "%", "{", "}")));

    /// <summary>Any valid string of up to <paramref name="maxUnits"/> characters or pairs.</summary>
    public static Gen<string> Any(int maxUnits) => Unit.Array[0, maxUnits].Select(string.Concat);

    /// <summary>Strings that are blank to .NET (<see cref="string.IsNullOrWhiteSpace"/>).</summary>
    public static readonly Gen<string> Blank =
        Gen.OneOf(" ", "\t", "\n", "\r", "\u00A0", "\u2028", "\u3000", "\u0085").Array[0, 4].Select(string.Concat);

    /// <summary>An escaped lone surrogate, as it may appear inside a JSON string.</summary>
    public static readonly Gen<string> LoneSurrogateEscape =
        Gen.OneOf("\\ud800", "\\uDBFF", "\\udc00", "\\uDFFF", "\\udc00\\ud800", "\\ud800\\u0041", "\\ud800\\ud800");

    /// <summary>A seed for the random choices (escapes) made while writing a value; part of the case, so replayable.</summary>
    public static readonly Gen<Random> Escapes = Gen.Int.Select(seed => new Random(seed));
}
