using System.Diagnostics;
using LlmOrleans.Testing;

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
        Assert.Equal(0, bench.Signal(signal));
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

        Assert.Equal(0, bench.Signal(SigInt));

        Assert.Equal(0, await bench.WaitForExitAsync(ExitTimeout));
    }

    /// <summary>The bench built beside this test, run as its own process with its output captured.</summary>
    private sealed class BenchProcess : IDisposable
    {
        private readonly ChildProcess _process;

        private BenchProcess(ChildProcess process) => _process = process;

        public string Output => _process.Output;

        public static BenchProcess Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LlmOrleans.Bench.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return new BenchProcess(ChildProcess.Start(start));
        }

        /// <summary>Sends <paramref name="signal"/>; 0 when it was sent.</summary>
        public int Signal(int signal) => _process.Signal(signal);

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

        public void Dispose() => _process.Dispose();
    }
}
