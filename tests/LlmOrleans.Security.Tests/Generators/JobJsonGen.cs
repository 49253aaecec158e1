using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>
/// Syntactically valid JSON bodies for <c>POST /process</c>, mostly objects near a real job: right and
/// wrong types, nulls, blank and over-long names, unknown providers, extra and duplicate keys, keys
/// written with escapes, huge numbers, lone surrogates, control characters and all of Unicode.
/// </summary>
public static class JobJsonGen
{
    public static readonly string[] JobFields = ["provider", "model", "prompt"];

    /// <summary>Numbers System.Text.Json can read (as a skipped value) but no field could hold.</summary>
    public static readonly Gen<JsonText> Number = Gen.Frequency(
        (3, Gen.OneOf("0", "-0", "1e999", "-1E-999", "123456789012345678901234567890123456789", "0.0000000000000000000001", "1.5e+308", "-9223372036854775809")),
        (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))))
        .Select(text => new JsonText(text, JsonValueKind.Number, null));

    public static readonly Gen<JsonText> UnreadableString =
        Gen.Select(TextGen.Any(5), TextGen.LoneSurrogateEscape, TextGen.Any(5), TextGen.Escapes, JsonText.Unreadable);

    /// <summary>Keys: mostly the job's fields, else near-misses and anything at all.</summary>
    public static readonly Gen<string> Key = Gen.Frequency(
        (6, Gen.OneOf(JobFields)),
        (3, Gen.OneOf("schema", "request_id", "Prompt", "PROVIDER", "prompt ", "prómpt", "created_at", "$type", "$id", "$ref", "__proto__", "")),
        (1, TextGen.Any(8)));

    /// <summary>Any JSON value, nested a few levels; strings may be unreadable.</summary>
    public static readonly Gen<JsonText> AnyValue = Gen.Recursive<JsonText>((depth, self) =>
    {
        var leaf = Gen.Frequency(
            (3, Number),
            (1, Gen.OneOf(
                new JsonText("true", JsonValueKind.True, null),
                new JsonText("false", JsonValueKind.False, null),
                JsonText.Null)),
            (4, ReadableString(TextGen.Any(12))),
            (1, UnreadableString));
        return depth >= 4
            ? leaf
            : Gen.Frequency(
                (6, leaf),
                (1, self.Array[0, 4].Select(items => JsonText.Array(items))),
                (1, Member(Key, self).Array[0, 3].Select(members => JsonText.Object(members))));
    });

    /// <summary>A job field's value: usually a good one, sometimes any string, null, unreadable or of the wrong type.</summary>
    public static Gen<JsonText> FieldValue(string field) => Gen.Frequency(
        (20, ReadableString(GoodValue(field))),
        (4, ReadableString(TextGen.Any(20))),
        (2, ReadableString(TextGen.Blank)),
        (1, UnreadableString),
        (1, Gen.Const(JsonText.Null)),
        (2, AnyValue.Where(v => v.Kind is not (JsonValueKind.String or JsonValueKind.Null))));

    /// <summary>A whole body: the root value (mostly an object) and, for an object, its members.</summary>
    public static readonly Gen<(JsonText Root, JsonMember[] Members)> Body = Gen.Frequency(
        (19, ObjectBody()),
        (1, AnyValue.Where(v => v.Kind != JsonValueKind.Object).Select(v => (v, Array.Empty<JsonMember>()))));

    private static Gen<(JsonText, JsonMember[])> ObjectBody() =>
        from provider in OptionalField("provider")
        from model in OptionalField("model")
        from prompt in OptionalField("prompt")
        from extras in Member(Key, AnyValue).Array[0, 3]
        from duplicate in Gen.OneOf(JobFields).SelectMany(f => Member(Gen.Const(f), FieldValue(f))).Array[0, 1]
        from order in Gen.Int.Array[12]
        let members = new[] { provider, model, prompt }.OfType<JsonMember>().Concat(extras).Concat(duplicate)
            .Select((m, i) => (m, i)).OrderBy(x => order[x.i % order.Length] ^ x.i).Select(x => x.m).ToArray()
        select (JsonText.Object(members), members);

    private static Gen<JsonMember?> OptionalField(string field) => Gen.Frequency(
        (12, Member(Gen.Const(field), FieldValue(field)).Select(m => (JsonMember?)m)),
        (1, Gen.Const((JsonMember?)null)));

    private static Gen<JsonMember> Member(Gen<string> key, Gen<JsonText> value) =>
        Gen.Select(key, value, TextGen.Escapes, (k, v, escapes) => new JsonMember(JsonText.Quote(k, escapes), k, v));

    private static Gen<JsonText> ReadableString(Gen<string> value) => Gen.Select(value, TextGen.Escapes, JsonText.String);

    private static Gen<string> GoodValue(string field) => field switch
    {
        "provider" => Gen.Frequency(
            (8, Gen.OneOf("echo", "ECHO", " echo ", "\techo\n", "Echo")),
            (2, Gen.OneOf("nope", "ech0", "echo\u0000", "\u0435cho", "echo.", "..", "openai-compatible")),
            (1, Gen.Int[250, 262].Select(n => new string('e', n)))),
        "model" => Gen.Frequency(
            (8, Gen.String[Gen.Char['!', '~'], 1, 40]),
            (1, Gen.Int[250, 262].Select(n => new string('m', n))),
            (1, TextGen.Any(10))),
        _ => Gen.Frequency(
            (8, TextGen.Any(40)),
            (1, TextGen.Any(400))),
    };
}
