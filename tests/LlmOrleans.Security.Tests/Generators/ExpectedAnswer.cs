using System.Text.Json;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>What the gateway must answer to a body: accept the job, or a 400 naming one field.</summary>
public abstract record ExpectedAnswer
{
    /// <summary>202, and the job runs with exactly this prompt.</summary>
    public sealed record Accepted(string Prompt) : ExpectedAnswer;

    /// <summary>400 whose <c>errors</c> names <paramref name="Field"/>.</summary>
    public sealed record Rejected(string Field) : ExpectedAnswer;

    private static readonly string[] JobFields = ["provider", "model", "prompt"];

    /// <summary>
    /// The documented contract for a syntactically valid JSON body (docs/messages.md): a job field that is not a
    /// string (or cannot be decoded) is named where it first occurs; otherwise the last occurrence of each
    /// field counts, provider and model must be non-blank and at most 256 characters, the prompt non-blank,
    /// and the provider one the gateway knows (case and surrounding white space ignored). Anything else is
    /// the body's fault.
    /// </summary>
    public static ExpectedAnswer For(JsonText root, IReadOnlyList<JsonMember> members, IReadOnlySet<string> knownProviders)
    {
        if (root.Kind != JsonValueKind.Object)
        {
            return new Rejected("body");
        }

        var badType = members.FirstOrDefault(m => JobFields.Contains(m.Key)
            && (m.Value.Kind is not (JsonValueKind.String or JsonValueKind.Null) || m.Value.IsUnreadableString));
        if (badType is not null)
        {
            return new Rejected(badType.Key);
        }

        var last = JobFields.ToDictionary(f => f, f => members.LastOrDefault(m => m.Key == f)?.Value.AsString);
        foreach (var name in JobFields[..2])
        {
            if (string.IsNullOrWhiteSpace(last[name]) || last[name]!.Length > 256)
            {
                return new Rejected(name);
            }
        }

        if (string.IsNullOrWhiteSpace(last["prompt"]))
        {
            return new Rejected("prompt");
        }

        return knownProviders.Contains(last["provider"]!.Trim())
            ? new Accepted(last["prompt"]!)
            : new Rejected("provider");
    }
}
