using System.Text.RegularExpressions;

namespace LlmOrleans.Deploy.Tests;

/// <summary>
/// The setting names the apps read, found in their source at test time: every quoted name in the C# files
/// of the projects the silo and gateway run. A deploy file that sets any other name sets nothing.
/// </summary>
internal static partial class AppSettings
{
    private static readonly string[] SourceFolders = ["Silo", "Gateway", "Messaging", "ServiceDefaults", "Providers"];

    // Read by ASP.NET Core / the .NET host, not by our code.
    private static readonly HashSet<string> FrameworkNames =
        ["ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    public static IReadOnlySet<string> QuotedInSource { get; } = Scan();

    /// <summary>
    /// Whether the apps read <paramref name="name"/>: a flat name quoted in the source, a framework setting,
    /// or a nested <c>Section__Key</c> name whose section the source binds (e.g. <c>Llm__Endpoints__x__BaseUrl</c>).
    /// </summary>
    public static bool AreRead(string name) =>
        FrameworkNames.Contains(name)
        || QuotedInSource.Contains(name)
        || (name.Contains("__") && QuotedInSource.Contains(name[..name.IndexOf("__", StringComparison.Ordinal)]));

    public static string[] NotRead(IEnumerable<string> names) => names.Where(n => !AreRead(n)).Order().ToArray();

    private static HashSet<string> Scan()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in SourceFolders)
        {
            var files = Directory.EnumerateFiles(Repo.PathOf(folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
            foreach (var file in files)
            {
                foreach (Match match in QuotedName().Matches(File.ReadAllText(file)))
                {
                    names.Add(match.Groups[1].Value);
                }
            }
        }

        Assert.Contains("KAFKA_BOOTSTRAP_SERVERS", names);
        return names;
    }

    [GeneratedRegex(@"""([A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex QuotedName();
}
