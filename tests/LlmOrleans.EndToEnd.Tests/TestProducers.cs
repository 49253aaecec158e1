using System.Diagnostics.Metrics;
using LlmOrleans.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>Our <see cref="KafkaJsonProducer"/> against a test broker, outside any host.</summary>
public static class TestProducers
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static KafkaJsonProducer Create(string bootstrapServers, TimeSpan stickyWindow) =>
        Create(new KafkaOptions { BootstrapServers = bootstrapServers, StickyPartitionWindow = stickyWindow }, NullLogger<KafkaJsonProducer>.Instance);

    public static KafkaJsonProducer Create(KafkaOptions options, ILogger<KafkaJsonProducer> logger) => new(Options.Create(options), logger, Meters);
}
