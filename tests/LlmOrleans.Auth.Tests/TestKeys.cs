using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LlmOrleans.Auth.Tests;

/// <summary>The API keys the secured pipeline knows: the secrets the tests present and the file the gateway reads.</summary>
public static class TestKeys
{
    public static readonly string Alice = New("alice");
    public static readonly string AliceSecond = New("alice-2");
    public static readonly string Bob = New("bob");
    public static readonly string ReadOnly = New("reader");
    public static readonly string Admin = New("admin");
    public static readonly string Limited = New("limited");
    public static readonly string OneAtATime = New("one-at-a-time");
    public static readonly string EchoOnly = New("echo-only");
    public static readonly string Expired = New("expired");

    /// <summary>The rate of <see cref="Limited"/>: requests per second and burst.</summary>
    public const int LimitedRate = 2;

    /// <summary>The keys file as the tests start it.</summary>
    public static JsonObject File() => new()
    {
        ["keys"] = new JsonArray(
            Entry("alice-1", Alice, tenant: "alice"),
            Entry("alice-2", AliceSecond, tenant: "alice"),
            Entry("bob-1", Bob, tenant: "bob"),
            Entry("reader", ReadOnly, tenant: "alice", extra: o => o["scopes"] = new JsonArray("jobs:read")),
            Entry("ops", Admin, tenant: "ops", extra: o => o["scopes"] = new JsonArray("admin", "jobs:read")),
            Entry("limited", Limited, extra: o =>
            {
                o["requests_per_second"] = LimitedRate;
                o["burst"] = LimitedRate;
            }),
            Entry("one-at-a-time", OneAtATime, extra: o => o["max_in_flight"] = 1),
            Entry("echo-only", EchoOnly, extra: o =>
            {
                o["providers"] = new JsonArray("echo");
                o["models"] = new JsonArray("echo-small");
            }),
            Entry("expired", Expired, extra: o => o["expires_at"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))),
    };

    /// <summary>A keys-file entry for <paramref name="secret"/>: its hash, never the secret.</summary>
    public static JsonObject Entry(string id, string secret, string? tenant = null, Action<JsonObject>? extra = null)
    {
        var entry = new JsonObject
        {
            ["id"] = id,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))),
        };
        if (tenant is not null)
        {
            entry["tenant"] = tenant;
        }

        extra?.Invoke(entry);
        return entry;
    }

    /// <summary>A fresh random key, as an operator would make one.</summary>
    public static string New(string name) => $"llmo_{name}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
}
