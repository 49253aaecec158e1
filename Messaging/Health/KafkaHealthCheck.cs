using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging.Health;

/// <summary>
/// Ready while a Kafka broker answers a metadata request within 2 s. The answer is reused for 5 s and
/// concurrent probes share one request, so frequent probes cost the brokers next to nothing.
/// Register it as a singleton: it keeps one admin client for the process.
/// </summary>
public sealed class KafkaHealthCheck(IOptions<KafkaOptions> options, TimeProvider time, ILogger<KafkaHealthCheck> logger)
    : IHealthCheck, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private IAdminClient? _admin;
    private Task<HealthCheckResult>? _latest;
    private DateTimeOffset _latestStartedAt;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_latest is null || (_latest.IsCompleted && now - _latestStartedAt >= ReuseFor))
            {
                _latestStartedAt = now;
                _latest = Task.Run(Probe, CancellationToken.None);
            }

            return _latest.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _admin?.Dispose();
        }
    }

    // Blocking (librdkafka's metadata call is synchronous), hence on a pool thread of its own.
    private HealthCheckResult Probe()
    {
        try
        {
            _admin ??= new AdminClientBuilder(KafkaClientConfigs.Admin(options.Value, "llm-orleans-health"))
                .SetLogHandler(KafkaLog.To(logger))
                .Build();
            var brokers = _admin.GetMetadata(RequestTimeout).Brokers.Count;
            return brokers > 0
                ? HealthCheckResult.Healthy($"{brokers} brokers answered")
                : HealthCheckResult.Unhealthy("Kafka answered without brokers");
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy("Kafka does not answer", ex);
        }
    }
}
