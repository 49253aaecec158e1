using LlmOrleans.Bench.Cli;

namespace LlmOrleans.Bench.Tests;

/// <summary>A bench command given options that cannot make a run is refused before anything starts, saying which option.</summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<PipelineSettings, string> BadPipelines => new()
    {
        { new PipelineSettings(), "--url <URL> and --embedded" },
        { new PipelineSettings { Embedded = true, Url = "http://localhost:8000" }, "--url <URL> and --embedded" },
        { new PipelineSettings { Url = "localhost:8000/x" }, "--url 'localhost:8000/x'" },
        { new PipelineSettings { Url = "localhost:8000" }, "--url 'localhost:8000' is not an http:// or https:// URL" },
        { new PipelineSettings { Url = "ftp://gw/" }, "--url 'ftp://gw/'" },
        { new PipelineSettings { Embedded = true, Redis = "127.0.0.1" }, "--redis '127.0.0.1'" },
        { new PipelineSettings { Embedded = true, Set = ["KAFKA_LINGER_MS"] }, "--set 'KAFKA_LINGER_MS'" },
        { new PipelineSettings { Embedded = true, Connections = 0 }, "--connections" },
        { new PipelineSettings { Embedded = true, RequestTimeoutSeconds = 0 }, "--request-timeout" },
        { new PipelineSettings { Embedded = true, Results = "webhook" }, "--results" },
        { new PipelineSettings { Url = "http://localhost:8000", Results = "kafka" }, "--kafka <BOOTSTRAP>" },
        { new PipelineSettings { Embedded = true, PollIntervalMs = 0 }, "--poll-interval-ms" },
        { new PipelineSettings { Embedded = true, DurationSeconds = 0 }, "--duration" },
        { new PipelineSettings { Embedded = true, WarmupSeconds = -1 }, "--warmup" },
        { new PipelineSettings { Embedded = true, Rate = 100, Clients = 4 }, "--rate (open loop) or --clients" },
        { new PipelineSettings { Embedded = true, Rate = 0 }, "--rate" },
        { new PipelineSettings { Embedded = true, Clients = 0 }, "--clients" },
        { new PipelineSettings { Embedded = true, WithKafkaBaseline = true }, "--with-kafka-baseline" },
        { new PipelineSettings { Url = "http://localhost:8000", Rate = 100, WithKafkaBaseline = true }, "--with-kafka-baseline" },
    };

    [Theory]
    [MemberData(nameof(BadPipelines))]
    public void A_pipeline_that_cannot_run_names_the_option(PipelineSettings settings, string named)
    {
        var result = settings.Validate();

        Assert.False(result.Successful);
        Assert.Contains(named, result.Message);
    }

    public static TheoryData<PipelineSettings> GoodPipelines => new()
    {
        new PipelineSettings { Embedded = true },
        new PipelineSettings { Embedded = true, Redis = "127.0.0.1:6390", Rate = 2600, WarmupSeconds = 45, DurationSeconds = 30, WithKafkaBaseline = true },
        new PipelineSettings { Url = "http://localhost:8000", Kafka = "localhost:9092", Clients = 32, Results = "kafka" },
        new PipelineSettings { Url = "http://localhost:8000", Results = "longpoll", Set = ["A=b=c"] },
    };

    [Theory]
    [MemberData(nameof(GoodPipelines))]
    public void A_pipeline_that_can_run_is_accepted(PipelineSettings settings) => Assert.True(settings.Validate().Successful);

    [Fact]
    public void A_setting_keeps_everything_after_its_first_equals_sign() =>
        Assert.Equal("b=c", new PipelineSettings { Embedded = true, Set = ["A=b=c"] }.Target().Settings["A"]);

    [Theory]
    [InlineData("http://localhost:8000", "http://localhost:8000/")]
    [InlineData("http://gw:8000/api/", "http://gw:8000/api/")]
    public void A_gateway_url_is_read_as_a_base_address(string given, string used) =>
        Assert.Equal(new Uri(used), new PipelineSettings { Url = given }.Target().Url);
}
