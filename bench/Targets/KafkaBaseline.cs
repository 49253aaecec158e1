using System.Diagnostics.Metrics;
using LlmOrleans.Bench.Load;
using LlmOrleans.Local;
using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Bench.Targets;

/// <summary>
/// Two bare Kafka hops on a fresh embedded mock broker, with the topics of the local run (<see cref="LocalTopics"/>) and the
/// client settings the silo ran with: jobs go in as the gateway writes them (<see cref="KafkaJobSubmitter"/>), a
/// <see cref="KafkaRelay"/> answers each as a grain with no work would, and the bench reads the response topic as it does
/// for the pipeline. What is left of the pipeline's end-to-end time once HTTP, Orleans, Redis and the job's own work are
/// taken away.
/// </summary>
public sealed class KafkaBaseline : IAsyncDisposable
{
    private static readonly TimeSpan AssignTimeout = TimeSpan.FromSeconds(30);
    private readonly EmbeddedKafkaBroker _broker;
    private readonly ServiceProvider _services;
    private readonly KafkaJsonProducer _submitProducer;
    private readonly KafkaJsonProducer _relayProducer;
    private readonly KafkaRelay _relay;

    private KafkaBaseline(EmbeddedKafkaBroker broker, ServiceProvider services, ErrorTally errors)
    {
        _broker = broker;
        _services = services;
        var options = services.GetRequiredService<IOptions<KafkaOptions>>();
        var meters = services.GetRequiredService<IMeterFactory>();
        Settings = options.Value;
        _submitProducer = new KafkaJsonProducer(options, NullLogger<KafkaJsonProducer>.Instance, meters);
        _relayProducer = new KafkaJsonProducer(options, NullLogger<KafkaJsonProducer>.Instance, meters);
        _relay = new KafkaRelay(Settings, _relayProducer, errors);
    }

    /// <summary>The settings every client of the baseline runs with: the silo's, on the baseline's own broker.</summary>
    public KafkaOptions Settings { get; }

    /// <summary>
    /// Starts broker, topics, producers and relay, with Kafka settings bound from <paramref name="siloConfiguration"/> as the
    /// silo binds its own; returns once the relay holds its partitions.
    /// </summary>
    public static async Task<KafkaBaseline> StartAsync(IReadOnlyDictionary<string, string?> siloConfiguration, ErrorTally errors)
    {
        var broker = EmbeddedKafkaBroker.Start();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(siloConfiguration)
            .AddInMemoryCollection([new("KAFKA_BOOTSTRAP_SERVERS", broker.BootstrapServers), new("KAFKA_GROUP_ID", "bench-relay")])
            .Build();
        var services = new ServiceCollection().AddMetrics().AddKafkaOptions(configuration).BuildServiceProvider();
        LocalTopics.Create(broker, configuration);
        var baseline = new KafkaBaseline(broker, services, errors);
        try
        {
            await baseline._relay.Assigned.WaitAsync(AssignTimeout);
            return baseline;
        }
        catch
        {
            await baseline.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes jobs of <paramref name="body"/> to the request topic.</summary>
    public IJobSubmitter Submitter(JobBody body, ErrorTally errors) => new KafkaJobSubmitter(_submitProducer, Settings.RequestTopic, body, errors);

    public ValueTask DisposeAsync()
    {
        _relay.Dispose();
        _relayProducer.Dispose();
        _submitProducer.Dispose();
        _services.Dispose();
        _broker.Dispose();
        return ValueTask.CompletedTask;
    }
}
