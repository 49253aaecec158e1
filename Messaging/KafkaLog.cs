using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LlmOrleans.Messaging;

/// <summary>Routes librdkafka's own log lines into the host's logging instead of raw stderr.</summary>
public static partial class KafkaLog
{
    /// <summary>A log handler for a Confluent.Kafka client builder.</summary>
    public static Action<IClient, LogMessage> To(ILogger logger) =>
        (_, message) => Write(logger, LevelOf(message), message.Name, message.Facility, message.Message);

    /// <summary>
    /// Confluent.Kafka installs a custom partitioner (ours is <see cref="StickyPartitioner"/>) by copying the default
    /// topic configuration (acks, message and request timeouts) and setting the copy; librdkafka then warns at every
    /// start that those settings were overwritten, though the copy kept them. That one warning is logged at Debug.
    /// </summary>
    private static LogLevel LevelOf(LogMessage message) =>
        message.Facility == "CONFWARN" && message.Message.Contains("default_topic_conf", StringComparison.Ordinal)
            ? LogLevel.Debug
            : ToLevel(message.Level);

    private static LogLevel ToLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    [LoggerMessage(EventId = 150, Message = "librdkafka {Client} {Facility}: {Text}")]
    private static partial void Write(ILogger logger, LogLevel level, string client, string facility, string text);
}
