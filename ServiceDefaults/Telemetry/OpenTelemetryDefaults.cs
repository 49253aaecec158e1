using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace LlmOrleans.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every host: our own meters and activity sources (<c>LlmOrleans.*</c>) beside Orleans',
/// ASP.NET Core's, HttpClient's and the runtime's. Metrics are always on, for Prometheus at <c>/metrics</c>.
/// Traces and logs go out over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without an exporter no
/// span is recorded at all, since recording spans nobody receives would only cost time on every request.
/// </summary>
internal static class OpenTelemetryDefaults
{
    /// <summary>Every meter and activity source of this code base is named <c>LlmOrleans.&lt;Area&gt;</c>.</summary>
    public const string OwnSources = "LlmOrleans.*";

    /// <summary>Orleans' own metrics (grains, activations, messaging, storage latency…).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    // Paths polled by probes, scrapers and the dashboard would bury the job traces.
    private static readonly PathString[] UntracedPaths = ["/health", "/metrics", "/dashboard"];

    public static IHostApplicationBuilder AddOpenTelemetryDefaults(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddMeter(OwnSources, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        builder.Services.RecordOnlyThisHostsMeters();

        // What to trace, applied once something turns tracing on (OTLP below; an in-memory exporter in tests).
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            // Application spans carry the trace through grain calls (AddActivityPropagation on silo and client);
            // storage spans time each Redis read and write. Orleans' runtime and lifecycle sources are left out:
            // the dashboard's polling, timers and every grain deactivation would each start traces of their own.
            .AddSource(OwnSources, ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.StorageActivitySourceName)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsUntraced(context.Request.Path))
            .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Turns on tracing and log export too; the standard OTEL_EXPORTER_OTLP_* variables configure it.
            telemetry.UseOtlpExporter();
            // Scopes stay out: ASP.NET Core's request scope has a RequestId of its own (the HTTP request's) that
            // would clash with the job's; its trace and span ids are on every exported record anyway.
            telemetry.WithLogging(configureBuilder: null, configureOptions: o => o.IncludeFormattedMessage = true);
        }

        return builder;
    }

    private static bool IsUntraced(PathString path) => UntracedPaths.Any(path.StartsWithSegments);
}
