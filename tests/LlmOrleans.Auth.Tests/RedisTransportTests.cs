using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LlmOrleans.ServiceDefaults.Redis;
using LlmOrleans.Testing;
using StackExchange.Redis;

namespace LlmOrleans.Auth.Tests;

/// <summary>
/// The Redis settings every host uses (<c>REDIS_SSL</c>, <c>REDIS_CA_FILE</c>, <c>REDIS_USER</c>,
/// <c>REDIS_PASSWORD</c>) against a real redis-server that only speaks TLS and only to an ACL user.
/// </summary>
public sealed class RedisTransportTests : IAsyncLifetime
{
    private const string User = "llm";
    private const string Password = "redis-acl-secret-456";

    private readonly string _directory = Directory.CreateTempSubdirectory("llm-redis-tls-").FullName;
    private readonly int _port = FreePort.Next();
    private Process? _server;

    private string CaFile => Path.Combine(_directory, "ca.pem");

    [Fact]
    public async Task TlsWithAPrivateCa_AndAnAclUser_Connects()
    {
        using var redis = await ConnectAsync(Options());

        Assert.True((await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
        Assert.True(await redis.GetDatabase().StringSetAsync("tls-check", "ok"));
    }

    [Fact]
    public async Task WithoutTheCa_TheServerIsNotTrusted()
    {
        var options = Options();
        options.CaFile = null;

        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectAsync(options));
    }

    [Fact]
    public async Task AWrongPassword_IsRefused()
    {
        var options = Options();
        options.Password = "wrong";

        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectAsync(options));
    }

    public async Task InitializeAsync()
    {
        if (!RedisServer.IsInstalled)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install -y redis-server).");
        }

        WriteCertificates();
        _server = Process.Start(new ProcessStartInfo("redis-server",
        [
            "--port", "0", "--tls-port", _port.ToString(), "--bind", "127.0.0.1", "--save", "",
            "--tls-cert-file", Path.Combine(_directory, "server.pem"), "--tls-key-file", Path.Combine(_directory, "server.key"),
            "--tls-ca-cert-file", CaFile, "--tls-auth-clients", "no",
            "--user", "default", "off", "--user", User, "on", $">{Password}", "~*", "&*", "+@all",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var redis = await ConnectAsync(Options());
                    return true;
                }
                catch (RedisConnectionException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(15),
            "redis-server to answer over TLS");
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private RedisOptions Options() => new()
    {
        Host = "127.0.0.1",
        Port = _port,
        Ssl = true,
        SslHost = "redis.test",
        CaFile = CaFile,
        User = User,
        Password = Password,
    };

    private static async Task<ConnectionMultiplexer> ConnectAsync(RedisOptions options)
    {
        var configuration = options.ToConfigurationOptions();
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = 2000;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    /// <summary>A private CA and a server certificate it signed for <c>redis.test</c>, as PEM files.</summary>
    private void WriteCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=LlmOrleans test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=redis.test", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("redis.test");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));

        File.WriteAllText(CaFile, ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
    }
}
