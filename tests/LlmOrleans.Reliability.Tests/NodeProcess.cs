using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using LlmOrleans.Testing;

namespace LlmOrleans.Reliability.Tests;

/// <summary>A silo or gateway running as its own OS process, with its console output kept for assertions.</summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly ChildProcess _process;

    private NodeProcess(string name, ChildProcess process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }

    /// <summary>The node's HTTP address (API for gateways; health and dashboard for silos).</summary>
    public Uri Url { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The process's resident memory now, in bytes (Linux /proc).</summary>
    public long ResidentBytes =>
        File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
            .First();

    /// <summary>Whether this silo's consumer has been assigned at least one partition.</summary>
    public bool HasPartitions => _process.Lines.Any(l => PartitionsAssigned().IsMatch(l));

    /// <summary>Console lines so far.</summary>
    public IReadOnlyCollection<string> Lines => _process.Lines;

    /// <summary>Starts <paramref name="dll"/> with <c>dotnet</c> and the given environment.</summary>
    public static NodeProcess Start(string name, string dll, Uri url, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        return new NodeProcess(name, ChildProcess.Start(start), url);
    }

    /// <summary>Lines containing <paramref name="text"/>.</summary>
    public int CountLines(string text) => _process.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL: the process dies at once, mid-whatever.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM, as an orchestrator stops a container, then waits for a clean exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process.Signal(SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) on {Name} failed: errno {Marshal.GetLastPInvokeError()}");
        }

        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Partitions assigned: \d")]
    private static partial Regex PartitionsAssigned();
}
