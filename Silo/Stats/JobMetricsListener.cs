using System.Diagnostics.Metrics;
using LlmOrleans.Grains.Telemetry;
using Microsoft.Extensions.Hosting;

namespace LlmOrleans.Silo.Stats;

/// <summary>
/// Feeds <see cref="SiloStats"/> from the job metrics the grains already record (<see cref="JobMetrics"/>), so
/// the grains know nothing of it. Only this host's meters are listened to: several hosts in one process (the
/// local run, tests) each have their own meter factory, and the meter's scope tells them apart.
/// </summary>
public sealed class JobMetricsListener(IMeterFactory meterFactory, SiloStats stats) : IHostedService, IDisposable
{
    private const string Succeeded = "llmorleans.jobs.succeeded";
    private const string Failed = "llmorleans.jobs.failed";
    private const string Retries = "llmorleans.jobs.retries";
    private const string ProviderDuration = "llmorleans.provider.duration";

    private readonly MeterListener _listener = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory)
                && instrument.Meter.Name == JobTelemetry.Name
                && instrument.Name is Succeeded or Failed or Retries or ProviderDuration)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        for (var i = 0; i < value; i++)
        {
            switch (instrument.Name)
            {
                case Succeeded:
                    stats.Finished(succeeded: true);
                    break;
                case Failed:
                    stats.Finished(succeeded: false);
                    break;
                case Retries:
                    stats.Retried();
                    break;
            }
        }
    }

    private void OnDuration(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? provider = null, model = null, outcome = null;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "provider":
                    provider = value as string;
                    break;
                case "model":
                    model = value as string;
                    break;
                case "outcome":
                    outcome = value as string;
                    break;
            }
        }

        stats.Attempted(provider ?? "", model ?? "", seconds, outcome == AttemptOutcome.Success);
    }
}
