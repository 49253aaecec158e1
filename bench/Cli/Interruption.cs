using System.Runtime.InteropServices;

namespace LlmOrleans.Bench.Cli;

/// <summary>
/// The first Ctrl+C or SIGTERM cancels the running command: its load stops, an embedded system is stopped and the
/// process exits with 130 and no report (a run cut short is not comparable). The embedded hosts' own console
/// lifetimes also see the signal but only mark themselves stopping, so without this the run went on to its end.
/// A later signal gets the runtime's default handling, unless an embedded host swallows it.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancellation.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
