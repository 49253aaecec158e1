using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LlmOrleans.Testing;

/// <summary>A process a test starts, with its console output (stdout and stderr) kept line by line, that it can signal.</summary>
public sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Console lines so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Console output so far, one line after another.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <paramref name="start"/> with its output redirected.</summary>
    public static ChildProcess Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return new ChildProcess(new Process { StartInfo = start });
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. 2 for SIGINT, 15 for SIGTERM); libc <c>kill</c>'s result, 0 when sent.</summary>
    public int Signal(int signal) => SendSignal(_process.Id, signal);

    /// <summary>SIGKILL to the process and its children, then waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
