using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace LlmOrleans.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry subscribes to meters by name only. With several hosts in one process (the local run, tests) each
/// host's meter provider would record every measurement of the other hosts' meters too, and export them as its
/// own: the gateway's <c>/metrics</c> showed the silo's job counts, and each measurement was aggregated twice.
/// Meters made by a host's <see cref="IMeterFactory"/> carry that factory as their scope; this keeps the ones of
/// this host and the process-wide ones (no scope, such as the runtime's) and drops the rest.
/// </summary>
internal static class HostMeters
{
    public static IServiceCollection RecordOnlyThisHostsMeters(this IServiceCollection services) =>
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            var own = provider.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, own)
                ? null
                : MetricStreamConfiguration.Drop);
        });
}
