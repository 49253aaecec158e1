using System.Text;
using System.Text.Json;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>
/// A generated JSON value: its exact text, and what a reader makes of it. Strings may be written with
/// any mix of raw characters and escapes, and may contain an escaped lone surrogate (<c>\ud800</c>),
/// which is valid JSON syntax but no valid .NET string.
/// </summary>
/// <param name="Text">The JSON text as sent.</param>
/// <param name="Kind">What kind of value it is.</param>
/// <param name="AsString">For a readable string, the decoded string; otherwise null.</param>
public sealed record JsonText(string Text, JsonValueKind Kind, string? AsString)
{
    public static readonly JsonText Null = new("null", JsonValueKind.Null, null);

    /// <summary>A string that cannot be decoded: it holds an escaped lone surrogate.</summary>
    public bool IsUnreadableString => Kind == JsonValueKind.String && AsString is null;

    /// <summary>A readable string written with escapes chosen by <paramref name="escapes"/>.</summary>
    public static JsonText String(string value, Random escapes) => new(Quote(value, escapes), JsonValueKind.String, value);

    /// <summary>A string whose text holds <paramref name="loneSurrogate"/> (e.g. <c>\ud800</c>) between two readable parts.</summary>
    public static JsonText Unreadable(string before, string loneSurrogate, string after, Random escapes) =>
        new($"{Quote(before, escapes)[..^1]}{loneSurrogate}{Quote(after, escapes)[1..]}", JsonValueKind.String, null);

    /// <summary>An object with these members in this order (keys may repeat).</summary>
    public static JsonText Object(IEnumerable<JsonMember> members) =>
        new($"{{{string.Join(",", members.Select(m => $"{m.KeyText}:{m.Value.Text}"))}}}", JsonValueKind.Object, null);

    public static JsonText Array(IEnumerable<JsonText> items) =>
        new($"[{string.Join(",", items.Select(i => i.Text))}]", JsonValueKind.Array, null);

    /// <summary><paramref name="value"/> as a JSON string literal, each character raw or escaped at random.</summary>
    public static string Quote(string value, Random escapes)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var mustEscape = c is '"' or '\\' || c < 0x20;
            if (mustEscape || escapes.Next(4) == 0)
            {
                text.Append(Escape(c, escapes));
                if (pair)
                {
                    text.Append($"\\u{(int)value[++i]:x4}");
                }
            }
            else
            {
                text.Append(c);
                if (pair)
                {
                    text.Append(value[++i]);
                }
            }
        }

        return text.Append('"').ToString();
    }

    private static string Escape(char c, Random escapes) => (c, escapes.Next(2)) switch
    {
        ('"', 0) => "\\\"",
        ('\\', 0) => "\\\\",
        ('/', 0) => "\\/",
        ('\n', 0) => "\\n",
        ('\t', 0) => "\\t",
        ('\r', 0) => "\\r",
        ('\b', 0) => "\\b",
        ('\f', 0) => "\\f",
        (_, 0) => $"\\u{(int)c:X4}",
        _ => $"\\u{(int)c:x4}",
    };
}

/// <summary>One member of a generated object: the key as written and as read.</summary>
public sealed record JsonMember(string KeyText, string Key, JsonText Value);
