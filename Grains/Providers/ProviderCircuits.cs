using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Grains.Providers;

/// <summary>
/// One circuit breaker per provider and model, per silo. After <see cref="FailureThreshold"/> transient
/// failures in a row the circuit opens: attempts wait instead of being spent against a provider that is
/// down, then a single probe goes through; its success closes the circuit, its failure reopens it for
/// twice as long (up to <see cref="JobExecutionOptions.CircuitOpenMax"/>). Waiting costs no attempt.
/// </summary>
public sealed class ProviderCircuits(IOptions<JobExecutionOptions> options, TimeProvider time)
{
    /// <summary>Transient failures in a row that open a circuit.</summary>
    public const int FailureThreshold = 5;

    private readonly ConcurrentDictionary<(string Provider, string Model), Circuit> _circuits = new();

    /// <summary>
    /// How long to wait before attempting (zero: go ahead), and whether the caller's attempt is the probe of
    /// a half-open circuit. A failed probe is the provider's state, not the job's: it costs no attempt.
    /// </summary>
    public (TimeSpan Delay, bool IsProbe) BeforeAttempt(string provider, string model)
    {
        if (!_circuits.TryGetValue((provider, model), out var circuit))
        {
            return (TimeSpan.Zero, false);
        }

        lock (circuit)
        {
            var now = time.GetUtcNow();
            if (circuit.OpenFor == TimeSpan.Zero)
            {
                return (TimeSpan.Zero, false);
            }

            if (now < circuit.OpenUntil)
            {
                return (circuit.OpenUntil - now + Jitter(), false);
            }

            // Half-open: one probe at a time; a probe that never reported back is replaced after a timeout.
            if (circuit.ProbeStartedAt is { } started && now - started < options.Value.AttemptTimeout)
            {
                return (options.Value.AttemptTimeout - (now - started) + Jitter(), false);
            }

            circuit.ProbeStartedAt = now;
            return (TimeSpan.Zero, true);
        }
    }

    /// <summary>The provider answered: close the circuit.</summary>
    public void RecordSuccess(string provider, string model)
    {
        if (_circuits.TryGetValue((provider, model), out var circuit))
        {
            lock (circuit)
            {
                circuit.Reset();
            }
        }
    }

    /// <summary>A transient failure (429, 5xx, timeout, dropped connection): count it, maybe open the circuit.</summary>
    public void RecordTransientFailure(string provider, string model)
    {
        var circuit = _circuits.GetOrAdd((provider, model), _ => new Circuit());
        lock (circuit)
        {
            circuit.ConsecutiveFailures++;
            if (circuit.ConsecutiveFailures < FailureThreshold && circuit.OpenFor == TimeSpan.Zero)
            {
                return;
            }

            var settings = options.Value;
            circuit.OpenFor = circuit.OpenFor == TimeSpan.Zero
                ? settings.CircuitOpenBase
                : TimeSpan.FromTicks(Math.Min(circuit.OpenFor.Ticks * 2, settings.CircuitOpenMax.Ticks));
            circuit.OpenUntil = time.GetUtcNow() + circuit.OpenFor;
            circuit.ProbeStartedAt = null;
        }
    }

    /// <summary>Spreads the waiting jobs' attempts so a reopening provider is not hit all at once.</summary>
    private TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.Value.CircuitOpenBase.TotalMilliseconds / 2);

    private sealed class Circuit
    {
        public int ConsecutiveFailures { get; set; }

        public TimeSpan OpenFor { get; set; }

        public DateTimeOffset OpenUntil { get; set; }

        public DateTimeOffset? ProbeStartedAt { get; set; }

        public void Reset()
        {
            ConsecutiveFailures = 0;
            OpenFor = TimeSpan.Zero;
            ProbeStartedAt = null;
        }
    }
}
