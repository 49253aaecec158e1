using System.Globalization;
using LlmOrleans.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LlmOrleans.EndToEnd.Tests;

/// <summary>The producer's batching settings, from the environment names users set.</summary>
public sealed class ProducerSettingsTests
{
    [Fact]
    public void Defaults_LingerFifthOfAMillisecond_StickyForTen()
    {
        var options = Options([]).Value;

        Assert.Equal(0.2, KafkaClientConfigs.Producer(options, "p").LingerMs);
        Assert.Equal(TimeSpan.FromMilliseconds(10), options.StickyPartitionWindow);
    }

    [Fact]
    public void FractionalLinger_ReachesLibrdkafkaWithAPoint_WhateverTheCulture()
    {
        // The hosts run with invariant globalization; a culture with a decimal comma stands in for one that does not.
        var culture = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try
        {
            var options = Options(new() { ["KAFKA_LINGER_MS"] = "0.5" }).Value;

            Assert.Equal(TimeSpan.FromMilliseconds(0.5), options.Linger);
            Assert.Equal("0.5", KafkaClientConfigs.Producer(options, "p").Get("linger.ms"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void EnvironmentNames_ReachTheProducer()
    {
        var options = Options(new() { ["KAFKA_LINGER_MS"] = "0", ["KAFKA_STICKY_PARTITION_MS"] = "0" }).Value;

        Assert.Equal(0, KafkaClientConfigs.Producer(options, "p").LingerMs);
        Assert.Equal(TimeSpan.Zero, options.StickyPartitionWindow);
    }

    [Theory]
    [InlineData("KAFKA_LINGER_MS", "1001", nameof(KafkaOptions.Linger))]
    [InlineData("KAFKA_LINGER_MS", "-1", nameof(KafkaOptions.Linger))]
    [InlineData("KAFKA_STICKY_PARTITION_MS", "5000", nameof(KafkaOptions.StickyPartitionWindow))]
    [InlineData("KAFKA_STICKY_PARTITION_MS", "-10", nameof(KafkaOptions.StickyPartitionWindow))]
    public void OutOfRange_FailsAtStartUp_NamingTheSetting(string name, string value, string field)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { [name] = value }).Value);

        Assert.Contains(field, error.Message);
    }

    private static IOptions<KafkaOptions> Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddKafkaOptions(configuration).BuildServiceProvider().GetRequiredService<IOptions<KafkaOptions>>();
    }
}
