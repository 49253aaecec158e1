using System.Text.Json;
using LlmOrleans.Gateway.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOrleans.Auth.Tests;

public sealed class KeysFileTests
{
    [Theory]
    [InlineData("deploy/compose/keys/api-keys.json")]
    [InlineData("deploy/k8s/base/api-keys.json")]
    [InlineData("deploy/k8s/overlays/example/api-keys.json")]
    public void TheShippedKeysFiles_AreValid_AndHoldNoKeys(string path)
    {
        var content = File.ReadAllBytes(Path.Combine(RepoRoot(), path));

        var file = JsonSerializer.Deserialize(content, ApiKeysFileJsonContext.Default.ApiKeysFile)!;
        var store = new ApiKeyStore(TimeProvider.System);

        Assert.Null(store.Replace(file.Keys.Select(k => (path, k))));
        Assert.All(file.Keys, k => Assert.Matches("^[0-9a-f]{64}$", k.Sha256));
    }

    [Theory]
    [InlineData("""{"id":"a","sha256":"x"}""", "sha256")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000"}""", "id")]
    [InlineData("""{"id":"a","sha256":"0000000000000000000000000000000000000000000000000000000000000000","scopes":["root"]}""", "scopes")]
    [InlineData("""{"id":"a","sha256":"0000000000000000000000000000000000000000000000000000000000000000","requests_per_second":0}""", "requests_per_second")]
    [InlineData("""{"id":"a","sha256":"0000000000000000000000000000000000000000000000000000000000000000","max_in_flight":0}""", "max_in_flight")]
    public void AnInvalidEntry_IsRejectedNamingTheField(string entry, string field)
    {
        var file = JsonSerializer.Deserialize($$"""{"keys":[{{entry}}]}""", ApiKeysFileJsonContext.Default.ApiKeysFile)!;

        var error = new ApiKeyStore(TimeProvider.System).Replace(file.Keys.Select(k => ("test", k)));

        Assert.Contains($"'{field}'", error);
    }

    [Fact]
    public void AnUnknownField_IsAnError_NotIgnored()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"keys":[{"id":"a","sha256":"00","max_inflight":3}]}""", ApiKeysFileJsonContext.Default.ApiKeysFile));
    }

    [Fact]
    public void TwoKeysWithOneHash_AreRejected()
    {
        var hash = ApiKey.Hash("same");
        var entries = new[] { new ApiKeyEntry { Id = "a", Sha256 = hash }, new ApiKeyEntry { Id = "b", Sha256 = hash } };

        Assert.Contains("'sha256'", new ApiKeyStore(TimeProvider.System).Replace(entries.Select(e => ("test", e))));
    }

    [Fact]
    public async Task KeysFromConfiguration_AreInForce_BesideNoFile()
    {
        var secret = TestKeys.New("from-config");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Id"] = "config-key",
            ["Auth:Keys:0:Tenant"] = "team-c",
            ["Auth:Keys:0:Sha256"] = ApiKey.Hash(secret),
            ["Auth:Keys:0:Scopes:0"] = "jobs:read",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton<ApiKeyStore>();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection("Auth"));
        await using var provider = services.BuildServiceProvider();
        using var reloader = ActivatorUtilities.CreateInstance<ApiKeyReloader>(provider);

        await reloader.StartAsync(CancellationToken.None);
        var key = provider.GetRequiredService<ApiKeyStore>().Find(secret);
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(("config-key", "team-c"), (key?.Id, key?.Tenant));
        Assert.Equal(["jobs:read"], key!.Scopes);
        Assert.Null(provider.GetRequiredService<ApiKeyStore>().Find(secret + "x"));
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "LlmOrleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
