using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LlmOrleans.Deploy.Tests;

public sealed partial class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "deploy/Dockerfile.silo", "Silo/LlmOrleans.Silo.csproj" },
        { "deploy/Dockerfile.gateway", "Gateway/LlmOrleans.Gateway.csproj" },
    };

    /// <summary>The HTTP port the image's app listens on (ASPNETCORE_HTTP_PORTS in the final stage).</summary>
    public static int HttpPort(string dockerfile)
    {
        var file = Dockerfile.Load(dockerfile);
        var env = file.InStage(file.FinalStage).Where(i => i.Keyword == "ENV").Select(i => i.Arguments)
            .Single(a => a.StartsWith("ASPNETCORE_HTTP_PORTS=", StringComparison.Ordinal));
        return int.Parse(env["ASPNETCORE_HTTP_PORTS=".Length..]);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void BuildsOnTheSdkAndRunsOnTheAspNetRuntime(string dockerfile, string _)
    {
        var froms = Dockerfile.Load(dockerfile).All("FROM").ToList();
        Assert.True(froms.Count >= 2, $"{dockerfile} is not multi-stage");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0 AS build", froms[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", froms[^1]);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void FinalStage_RunsAsNonRootUser(string dockerfile, string _)
    {
        var file = Dockerfile.Load(dockerfile);
        var user = file.InStage(file.FinalStage).Last(i => i.Keyword == "USER").Arguments;
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.Equal("$APP_UID", user);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void BakesInNoSecrets(string dockerfile, string _)
    {
        var file = Dockerfile.Load(dockerfile);
        var suspicious = file.Instructions
            .Where(i => i.Keyword is "ENV" or "ARG" or "LABEL")
            .Where(i => SecretName().IsMatch(i.Arguments))
            .Select(i => $"{i.Keyword} {i.Arguments}");
        Assert.Empty(suspicious);
        var copied = file.All("COPY").SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));
        Assert.DoesNotContain(copied, source => source.Contains(".env", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void PublishesTheProject_AndRunsItsAssembly(string dockerfile, string project)
    {
        var file = Dockerfile.Load(dockerfile);
        var runs = file.InStage(0).Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToList();
        Assert.Equal([$"dotnet restore {project}", $"dotnet publish {project} -c Release -o /app --no-restore"], runs);
        Assert.Contains(file.InStage(file.FinalStage), i => i is { Keyword: "COPY", Arguments: "--from=build /app ." });

        var assembly = XDocument.Load(Repo.PathOf(project)).Descendants("AssemblyName").SingleOrDefault()?.Value
                       ?? Path.GetFileNameWithoutExtension(project);
        Assert.Equal($"[\"dotnet\", \"{assembly}.dll\"]", file.All("ENTRYPOINT").Single());
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void RestoreStep_CopiesEveryProjectTheAppReferences(string dockerfile, string project)
    {
        var file = Dockerfile.Load(dockerfile);
        var beforeRestore = file.InStage(0)
            .TakeWhile(i => !i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal))
            .Where(i => i.Keyword == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToHashSet();

        var needed = ProjectClosure(project).Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"]);
        Assert.Empty(needed.Where(p => !beforeRestore.Contains(p)).Order());
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void ListensOnPort8080_AndExposesIt(string dockerfile, string _)
    {
        Assert.Equal(8080, HttpPort(dockerfile));
        var file = Dockerfile.Load(dockerfile);
        Assert.Contains("8080", file.InStage(file.FinalStage).Single(i => i.Keyword == "EXPOSE").Arguments.Split(' '));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void FinalStage_TiersHotCodeUpAtOnce(string dockerfile, string _) =>
        Assert.Contains($"{LaunchSettingsTests.TieringDelay}=0", FinalEnv(dockerfile));

    [Fact]
    public void GatewayImage_InlinesSocketCompletions_AndTheSiloImageDoesNot()
    {
        Assert.Contains($"{LaunchSettingsTests.InlineSocketCompletions}=1", FinalEnv("deploy/Dockerfile.gateway"));
        Assert.DoesNotContain(FinalEnv("deploy/Dockerfile.silo"), e => e.StartsWith(LaunchSettingsTests.InlineSocketCompletions, StringComparison.Ordinal));
    }

    private static List<string> FinalEnv(string dockerfile)
    {
        var file = Dockerfile.Load(dockerfile);
        return file.InStage(file.FinalStage).Where(i => i.Keyword == "ENV").Select(i => i.Arguments).ToList();
    }

    [Fact]
    public void SiloImage_ExposesTheOrleansPorts()
    {
        var file = Dockerfile.Load("deploy/Dockerfile.silo");
        var exposed = file.All("EXPOSE").Single().Split(' ');
        Assert.Contains("11111", exposed);
        Assert.Contains("30000", exposed);
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndSecretsOut_ButNotWhatTheDockerfilesCopy()
    {
        var patterns = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("**/bin/", patterns);
        Assert.Contains("**/obj/", patterns);
        Assert.Contains(".env", patterns);

        var copied = Images.Select(row => (string)row[0])
            .SelectMany(d => Dockerfile.Load(d).All("COPY"))
            .Where(c => !c.StartsWith("--from=", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .Where(source => source != ".")
            .Distinct();
        Assert.DoesNotContain(copied, source => patterns.Any(p => Ignores(p, source)));
    }

    /// <summary>The project and every project it references, directly or not, as paths from the root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Repo.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repo.Root, folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repo.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    private static bool Ignores(string pattern, string path)
    {
        var trimmed = pattern.TrimEnd('/');
        return trimmed.StartsWith("**/", StringComparison.Ordinal)
            ? path.Split('/').Contains(trimmed[3..])
            : path == trimmed || path.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }

    [GeneratedRegex("(KEY|PASSWORD|SECRET|TOKEN)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
