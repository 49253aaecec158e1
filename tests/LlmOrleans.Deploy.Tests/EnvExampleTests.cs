using System.Text.RegularExpressions;

namespace LlmOrleans.Deploy.Tests;

public sealed partial class EnvExampleTests
{
    [Fact]
    public void EverySetting_IsReadByTheApps()
    {
        var names = EnvFile.ReadCommented(".env.example").Keys;
        Assert.NotEmpty(names);
        Assert.Empty(AppSettings.NotRead(names));
    }

    [Fact]
    public void SetsNothing_SoACopyKeepsTheAppDefaultsAndHoldsNoSecret()
    {
        Assert.Empty(EnvFile.Read(".env.example"));
        foreach (var secret in new[] { "GROQ_API_KEY", "OPENAI_API_KEY", "REDIS_PASSWORD" })
        {
            Assert.Equal("", EnvFile.ReadCommented(".env.example")[secret]);
        }
    }

    [Fact]
    public void DefaultsShown_MatchDocsConfiguration()
    {
        var documented = DocumentedDefaults();
        var mismatches = EnvFile.ReadCommented(".env.example")
            .Where(s => s.Value.Length > 0 && documented.TryGetValue(s.Key, out var d) && d != s.Value)
            .Select(s => $"{s.Key}: .env.example {s.Value}, docs/configuration.md {documented[s.Key]}");
        Assert.Empty(mismatches);
    }

    /// <summary>Rows of docs/configuration.md tables: | `NAME` | `default` | …</summary>
    private static Dictionary<string, string> DocumentedDefaults() =>
        DocsRow().Matches(Repo.Read("docs/configuration.md"))
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value);

    [GeneratedRegex(@"^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*`([^`]*)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex DocsRow();
}
