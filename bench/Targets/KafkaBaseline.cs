using System.Diagnostics.Metrics;
using LlmOrleans.Bench.Load;
using LlmOrleans.LocalInfra;
using LlmOrleans.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Bench.Targets;

/// <summary>
/// Two bare Kafka hops on a fresh embedded mock broker, with the client settings the silo ran with: jobs go in as the
/// gateway writes them (<see cref="KafkaJobSubmitter"/>), a <see cref="KafkaRelay"/> answers each as a grain with no
/// work would, and the bench reads the response topic as it does for the pipeline. What is left of the pipeline's
/// end-to-end time once HTTP, Orleans, Redis and the job's own work are taken away.
/// </summary>
public sealed class KafkaBaseline : IAsyncDisposable
{
    private static readonly TimeSpan AssignTimeout = TimeSpan.FromSeconds(30);
    private readonly EmbeddedKafkaBroker _broker;
    private readonly ServiceProvider _metrics;
    private readonly KafkaJsonProducer _submitProducer;
    private readonly KafkaJsonProducer _relayProducer;
    private readonly KafkaRelay _relay;

    private KafkaBaseline(EmbeddedKafkaBroker broker, KafkaOptions options, ErrorTally errors)
    {
        _broker = broker;
        Settings = options;
        _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _metrics.GetRequiredService<IMeterFactory>();
        _submitProducer = new KafkaJsonProducer(Options.Create(options), NullLogger<KafkaJsonProducer>.Instance, meters);
        _relayProducer = new KafkaJsonProducer(Options.Create(options), NullLogger<KafkaJsonProducer>.Instance, meters);
        _relay = new KafkaRelay(options, _relayProducer, errors);
    }

    /// <summary>The settings every client of the baseline runs with: the silo's, on the baseline's own broker.</summary>
    public KafkaOptions Settings { get; }

    /// <summary>Starts broker, topics, producers and relay; returns once the relay holds its partitions.</summary>
    public static async Task<KafkaBaseline> StartAsync(KafkaOptions silo, ErrorTally errors)
    {
        var broker = EmbeddedKafkaBroker.Start();
        var options = new KafkaOptions
        {
            BootstrapServers = broker.BootstrapServers,
            RequestTopic = silo.RequestTopic,
            ResponseTopic = silo.ResponseTopic,
            DlqTopic = silo.DlqTopic,
            GroupId = "bench-relay",
            TopicPartitions = silo.TopicPartitions,
            ReplicationFactor = silo.ReplicationFactor,
            ProduceTimeout = silo.ProduceTimeout,
            SessionTimeout = silo.SessionTimeout,
            FetchWaitMax = silo.FetchWaitMax,
            Linger = silo.Linger,
            StickyPartitionWindow = silo.StickyPartitionWindow,
            Client = new Dictionary<string, string>(silo.Client),
        };
        broker.CreateTopic(options.RequestTopic, options.TopicPartitions);
        broker.CreateTopic(options.ResponseTopic, options.TopicPartitions);
        var baseline = new KafkaBaseline(broker, options, errors);
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
        _metrics.Dispose();
        _broker.Dispose();
        return ValueTask.CompletedTask;
    }
}
