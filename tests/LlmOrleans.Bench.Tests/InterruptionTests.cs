using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LlmOrleans.Bench.Tests;

/// <summary>
/// The bench process itself, interrupted mid-run: Ctrl+C (SIGINT) or SIGTERM stops the load and the embedded system
/// and exits at once with 130 and no report; <c>serve-baseline</c> stops cleanly with 0.
/// </summary>
public sealed class InterruptionTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task ASignalDuringAPipelineRun_StopsItAtOnce_WithExitCode130AndNoReport(int signal)
    {
        using var bench = BenchProcess.Start("pipeline", "--embedded", "--rate", "20", "--warmup", "0", "--duration", "300");
        await bench.WaitForOutputAsync("submitted=", StartTimeout);

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Kill(bench.Id, signal));
        var exitCode = await bench.WaitForExitAsync(ExitTimeout);

        Assert.Equal(130, exitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Contains("interrupted:", bench.Output);
        Assert.DoesNotContain("end to end", bench.Output);
    }

    [Fact]
    public async Task CtrlC_StopsServeBaseline_WithExitCode0()
    {
        using var bench = BenchProcess.Start("serve-baseline", "--port", "0");
        await bench.WaitForOutputAsync("Ctrl+C stops it", StartTimeout);

        Assert.Equal(0, Kill(bench.Id, SigInt));

        Assert.Equal(0, await bench.WaitForExitAsync(ExitTimeout));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>The bench built beside this test, run as its own process with its output captured.</summary>
    private sealed class BenchProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private BenchProcess(Process process) => _process = process;

        public int Id => _process.Id;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static BenchProcess Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LlmOrleans.Bench.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var bench = new BenchProcess(new Process { StartInfo = start });
            bench._process.OutputDataReceived += (_, e) => bench.Append(e.Data);
            bench._process.ErrorDataReceived += (_, e) => bench.Append(e.Data);
            bench._process.Start();
            bench._process.BeginOutputReadLine();
            bench._process.BeginErrorReadLine();
            return bench;
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"the bench exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
                }

                Assert.True(clock.Elapsed < timeout, $"no '{text}' within {timeout.TotalSeconds:0} s:\n{Output}");
                await Task.Delay(100);
            }
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the bench was still running {timeout.TotalSeconds:0} s after the signal:\n{Output}");
            }

            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
