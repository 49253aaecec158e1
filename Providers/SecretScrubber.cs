using System.Text.RegularExpressions;

namespace LlmOrleans.Providers;

/// <summary>Masks configured API keys and bearer tokens in text that may end up in a job's error.</summary>
internal sealed partial class SecretScrubber(IEnumerable<string?> secrets)
{
    private const string Mask = "***";

    // Longest first, so a key that contains another key is masked whole.
    private readonly string[] _secrets = secrets
        .Where(secret => !string.IsNullOrWhiteSpace(secret))
        .Select(secret => secret!)
        .Distinct(StringComparer.Ordinal)
        .OrderByDescending(secret => secret.Length)
        .ToArray();

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return BearerToken().Replace(text, "Bearer " + Mask);
    }

    [GeneratedRegex(@"Bearer\s+[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();
}
