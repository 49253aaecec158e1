using System.Text.Json;

namespace LlmOrleans.Deploy.Tests;

/// <summary>
/// Every process started with <c>dotnet run</c> gets the runtime settings the images set: the runtime reads them
/// from the environment only, so the launch profile is where <c>dotnet run</c> gives them.
/// </summary>
public sealed class LaunchSettingsTests
{
    /// <summary>The runtime's delay before it counts calls to tier hot code up (docs/benchmarks.md, thirteenth session).</summary>
    public const string TieringDelay = "DOTNET_TC_CallCountingDelayMs";

    /// <summary>Socket completions run on the socket engine's thread, in the gateway only (docs/benchmarks.md, sixteenth session).</summary>
    public const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static TheoryData<string> Projects => new() { "Local", "Silo", "Gateway", "bench" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void TheOnlyProfile_RunsTheProject_WithTieringAtOnce(string project)
    {
        var profile = TheOnlyProfile(project);
        Assert.Equal("Project", profile.GetProperty("commandName").GetString());
        Assert.Equal("0", profile.GetProperty("environmentVariables").GetProperty(TieringDelay).GetString());
    }

    [Fact]
    public void GatewayProfile_InlinesSocketCompletions_AndTheSilosDoesNot()
    {
        Assert.Equal("1", TheOnlyProfile("Gateway").GetProperty("environmentVariables").GetProperty(InlineSocketCompletions).GetString());
        Assert.False(TheOnlyProfile("Silo").GetProperty("environmentVariables").TryGetProperty(InlineSocketCompletions, out _));
    }

    private static JsonElement TheOnlyProfile(string project)
    {
        using var settings = JsonDocument.Parse(Repo.Read($"{project}/Properties/launchSettings.json"));
        return Assert.Single(settings.RootElement.GetProperty("profiles").EnumerateObject()).Value.Clone();
    }
}
