using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmOrleans.Messaging;

/// <summary>
/// Creates the request, response and dead-letter topics at start-up when they are missing. A broker
/// that is down or refuses must not stop the host: the gateway then answers 503 until Kafka is back.
/// </summary>
public sealed partial class KafkaTopicProvisioner(IOptions<KafkaOptions> options, ILogger<KafkaTopicProvisioner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(ProvisionAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ProvisionAsync()
    {
        var settings = options.Value;
        string[] wanted = [settings.RequestTopic, settings.ResponseTopic, settings.DlqTopic];
        try
        {
            using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(settings, "llm-orleans-admin"))
                .SetLogHandler(KafkaLog.To(logger))
                .Build();
            var existing = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics
                .Where(t => t.Error.Code == Confluent.Kafka.ErrorCode.NoError)
                .Select(t => t.Topic)
                .ToHashSet();
            var missing = wanted.Distinct().Where(t => !existing.Contains(t)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            await admin.CreateTopicsAsync(missing.Select(t => new TopicSpecification
            {
                Name = t,
                NumPartitions = settings.TopicPartitions,
                ReplicationFactor = settings.ReplicationFactor,
                Configs = new() { ["max.message.bytes"] = KafkaClientConfigs.MaxMessageBytes.ToString() },
            }));
            LogCreated(string.Join(", ", missing), settings.TopicPartitions);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is Confluent.Kafka.ErrorCode.TopicAlreadyExists or Confluent.Kafka.ErrorCode.NoError))
        {
            // Another process created them first.
        }
        catch (KafkaException ex)
        {
            LogProvisioningFailed(ex, settings.BootstrapServers);
        }
    }

    [LoggerMessage(100, LogLevel.Information, "Created Kafka topics {Topics} with {Partitions} partitions")]
    private partial void LogCreated(string topics, int partitions);

    [LoggerMessage(101, LogLevel.Warning, "Could not check or create Kafka topics on {BootstrapServers}; continuing")]
    private partial void LogProvisioningFailed(Exception exception, string bootstrapServers);
}
