using System.Text.RegularExpressions;

namespace LlmOrleans.Deploy.Tests;

/// <summary>Reads <c>NAME=value</c> files: .env.example (whose settings are commented out) and kustomize env files.</summary>
internal static partial class EnvFile
{
    /// <summary>Active <c>NAME=value</c> lines.</summary>
    public static IReadOnlyDictionary<string, string> Read(string relative) =>
        Repo.Read(relative).Split('\n')
            .Select(line => Active().Match(line.Trim()))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary>Settings written as <c># NAME=value</c>, i.e. documented but left at the app's default.</summary>
    public static IReadOnlyDictionary<string, string> ReadCommented(string relative) =>
        Repo.Read(relative).Split('\n')
            .Select(line => Commented().Match(line.Trim()))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")]
    private static partial Regex Active();

    [GeneratedRegex(@"^#\s?([A-Z][A-Z0-9_]*)=(.*)$")]
    private static partial Regex Commented();
}
