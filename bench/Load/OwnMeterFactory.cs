using System.Diagnostics.Metrics;

namespace LlmOrleans.Bench.Load;

/// <summary>
/// The load generator's own meter factory. Without one, its HttpClient records into the process-wide
/// <c>System.Net.Http</c> meter, and with <c>--embedded</c> the system's hosts in this process would record
/// and export every load request as if it were theirs (ServiceDefaults' HostMeters keeps only meters without a
/// scope or of the host's own factory). A client in its own process costs the system nothing of the kind.
/// </summary>
internal sealed class OwnMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name)
        {
            Version = options.Version,
            Tags = options.Tags,
            Scope = this,
        });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
