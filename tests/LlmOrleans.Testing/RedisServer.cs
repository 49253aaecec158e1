using System.Diagnostics;
using StackExchange.Redis;

namespace LlmOrleans.Testing;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, in memory only, for one test run. Tests that can
/// stop and restart it (outages) use <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("llm-redis-").FullName;
    private Process? _process;

    private RedisServer(int port) => Port = port;

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Whether a <c>redis-server</c> binary is on PATH.</summary>
    public static bool IsInstalled => FindOnPath("redis-server") is not null;

    /// <summary>Starts <c>redis-server</c>; throws when it is not installed.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>
    /// Starts the server (again) on the same port and waits until it answers PING. Every write is fsynced to
    /// an append-only file, so a restart after <see cref="StopAsync"/> comes back with the data, as a
    /// production Redis with persistence would.
    /// </summary>
    public async Task StartAgainAsync()
    {
        var binary = FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed (apt-get install -y redis-server).");
        _process = Process.Start(new ProcessStartInfo(binary,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", _dataDirectory, "--protected-mode", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=500");
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Kills the server (an outage); what it acknowledged survives a restart.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
