using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Gateway.Security;

/// <summary>
/// Loads the API keys at start-up (failing the start when they are not valid) and re-reads them while
/// running: the keys file every <see cref="AuthOptions.ReloadInterval"/>, configuration keys when the
/// configuration changes. A bad edit is logged and the keys in force stay as they were.
/// </summary>
public sealed partial class ApiKeyReloader(
    ApiKeyStore store,
    IOptionsMonitor<AuthOptions> options,
    TimeProvider time,
    ILogger<ApiKeyReloader> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private byte[]? _loadedFileHash;
    private byte[]? _rejectedFileHash;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.CurrentValue.Mode == AuthMode.None)
        {
            LogAuthenticationOff();
            return;
        }

        if (Reload(force: true) is { } error)
        {
            throw new InvalidOperationException($"The API keys are not valid: {error}");
        }

        if (store.Count == 0)
        {
            LogNoKeys();
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var onChange = options.OnChange(_ => Reload(force: true));
        using var timer = new PeriodicTimer(options.CurrentValue.ReloadInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Reload(force: false);
        }
    }

    /// <summary>Reads every source and puts the keys in force; returns the first problem instead, changing nothing.</summary>
    private string? Reload(bool force)
    {
        lock (_gate)
        {
            var settings = options.CurrentValue;
            var entries = settings.Keys.Select(k => ("configuration Auth:Keys", k)).ToList();
            byte[]? fileHash = null;
            if (settings.KeysFile is { Length: > 0 } path)
            {
                var file = ReadFile(path, out fileHash, out var error);
                if (!force && fileHash is not null && (Same(fileHash, _loadedFileHash) || Same(fileHash, _rejectedFileHash)))
                {
                    // Unchanged since it was last loaded or rejected: nothing to do, nothing to log again.
                    return null;
                }

                if (file is null)
                {
                    _rejectedFileHash = fileHash;
                    LogRejected(error!, store.Count);
                    return error;
                }

                entries.AddRange(file.Keys.Select(k => ($"API_KEYS_FILE {path}", k)));
            }

            if (store.Replace(entries) is { } invalid)
            {
                _rejectedFileHash = fileHash;
                LogRejected(invalid, store.Count);
                return invalid;
            }

            _loadedFileHash = fileHash;
            _rejectedFileHash = null;
            LogLoaded(store.Count);
            return null;
        }
    }

    private static bool Same(byte[] hash, byte[]? other) => other is not null && hash.AsSpan().SequenceEqual(other);

    private static ApiKeysFile? ReadFile(string path, out byte[]? contentHash, out string? error)
    {
        contentHash = null;
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"API_KEYS_FILE {path} cannot be read: {ex.Message}";
            return null;
        }

        contentHash = SHA256.HashData(content);
        try
        {
            error = null;
            return JsonSerializer.Deserialize(content, ApiKeysFileJsonContext.Default.ApiKeysFile)
                ?? throw new JsonException("The file holds JSON null.");
        }
        catch (JsonException ex)
        {
            error = $"API_KEYS_FILE {path} is not a valid keys file: {ex.Message}";
            return null;
        }
    }

    [LoggerMessage(600, LogLevel.Warning,
        "Authentication is OFF (AUTH_MODE=none): anyone who can reach this gateway can submit jobs on its provider keys and read every result. Use it on a trusted machine only.")]
    private partial void LogAuthenticationOff();

    [LoggerMessage(601, LogLevel.Warning, "No API keys are configured (API_KEYS_FILE, Auth:Keys): every API call is answered 401")]
    private partial void LogNoKeys();

    [LoggerMessage(602, LogLevel.Information, "API keys in force: {Count}")]
    private partial void LogLoaded(int count);

    [LoggerMessage(603, LogLevel.Error, "API keys not reloaded, keeping the {Count} in force: {Error}")]
    private partial void LogRejected(string error, int count);
}
