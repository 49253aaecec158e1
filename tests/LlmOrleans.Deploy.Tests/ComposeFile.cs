using YamlDotNet.RepresentationModel;

namespace LlmOrleans.Deploy.Tests;

/// <summary>docker-compose.yml, parsed.</summary>
internal static class ComposeFile
{
    public const string Path = "docker-compose.yml";

    public static YamlMappingNode Root { get; } = Yaml.Load(Path);

    public static IReadOnlyDictionary<string, YamlNode> Services => Root.At("services").Entries();

    public static YamlNode Service(string name) => Services[name];

    /// <summary>A service's environment names and values (null: passed through from .env or the shell).</summary>
    public static IReadOnlyDictionary<string, string?> Environment(string service)
    {
        var environment = Service(service).Find("environment");
        return environment switch
        {
            null => new Dictionary<string, string?>(),
            YamlSequenceNode list => list.Children.Select(i => i.Text()!.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : null),
            _ => environment.Entries().ToDictionary(e => e.Key, e => e.Value.Text() is { Length: > 0 } v ? v : null),
        };
    }

    /// <summary>The healthcheck test of a service as one string.</summary>
    public static string? HealthCheck(string service) =>
        Service(service).Find("healthcheck")?.Find("test") is { } test
            ? test is YamlSequenceNode parts ? string.Join(' ', parts.Children.Select(p => p.Text())) : test.Text()
            : null;
}
