using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using LlmOrleans.Security.Tests.Generators;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Security.Tests;

/// <summary>
/// The silo's consumer under hostile request-topic messages on every partition, then valid jobs behind
/// them: every invalid message lands on the dead-letter topic once, with its payload and where it was
/// read; every valid job still runs; the committed offsets move past all of it; the silo stays ready.
/// One generated barrage per run; replay a failure with its seed (see <see cref="Fuzz"/>).
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class KafkaConsumerFuzzTests(HostileInputFixture fixture, ITestOutputHelper output)
{
    private const int InvalidMessages = 300;
    private const int MaxRawPayloadBytes = 64 * 1024;
    private const int HugeMessageBytes = 4 * 1024 * 1024 - 64 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Consumer_HostileMessagesOnEveryPartition_AreAllDeadLetteredAndEveryPartitionKeepsFlowing()
    {
        var barrage = Gen.Select(KafkaMessageGen.Invalid.Array[InvalidMessages], KafkaMessageGen.Valid.Array[2 * HostileInputFixture.Partitions]);

        await barrage.SampleAsync(RunBarrageAsync, writeLine: output.WriteLine, iter: 1, threads: 1, print: b =>
            $"{b.Item1.Length} invalid ({string.Join(", ", b.Item1.GroupBy(m => m.Kind).Select(g => $"{g.Count()} {g.Key}"))}), {b.Item2.Length} valid");
    }

    [Theory]
    [InlineData("traceparent")]
    [InlineData("tracestate")]
    public async Task Consumer_TraceContextHeaderWithoutValue_StillRunsTheJobAndDeadLettersTheInvalidOne(string header)
    {
        // Kafka headers may have a null value; the trace context reader once took that for a header to parse.
        var topic = fixture.Kafka.RequestTopic;
        var requestId = Guid.NewGuid().ToString();
        var traceparent = header == "tracestate" ? "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"u8.ToArray() : null;
        (string, byte[]?)[] headers = header == "tracestate" ? [("traceparent", traceparent), (header, null)] : [(header, null)];
        var job = new KafkaCase("valid job", Encoding.UTF8.GetBytes(requestId),
            KafkaMessageGen.Job(j => { j["request_id"] = requestId; j["prompt"] = "traced"; }), headers, null);
        var poison = new KafkaCase("random bytes", null, "{not json"u8.ToArray(), headers, null);

        var sent = await KafkaTopic.ProduceRawAsync(fixture.BootstrapServers, topic, [(0, poison.ToMessage()), (0, job.ToMessage())]);

        var result = await Eventually.UntilAsync(
            () => fixture.Http.GetResultAsync(requestId),
            r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("status").GetString() == "succeeded",
            Patience,
            "the job with a null trace header to succeed");
        Assert.Equal("traced", result.Body.GetProperty("output").GetString());
        var source = $"{topic}/{sent[0].Partition.Value}@{sent[0].Offset.Value}";
        var letter = await Eventually.UntilAsync(
            () => Task.FromResult(InvalidMessageDeadLetters([source])),
            found => found.Count > 0,
            Patience,
            "the invalid message with a null trace header on the dead-letter topic");
        AssertDeadLetterOf(poison, Assert.Single(letter));
    }

    [Theory]
    [InlineData("huge random bytes", 1)]
    [InlineData("huge prompt", 2)]
    [InlineData("huge nesting", 3)]
    public async Task Consumer_MessageOverEveryLimit_IsDeadLetteredAndTheNextJobOnItsPartitionRuns(string kind, int partition)
    {
        // Kafka's own limit is 16 MiB, but the embedded broker (librdkafka's mock cluster) keeps only 5 MiB per
        // partition, dropping the oldest messages to make room, and loses the new one too when it has to drop
        // all the others. So: 4 MiB, over every limit of ours (prompt, HTTP body, fetch size, dead-letter
        // payload), sent once all before it is consumed.
        var topic = fixture.Kafka.RequestTopic;
        await WaitUntilConsumedAsync();
        var huge = kind switch
        {
            "huge random bytes" => new KafkaCase(kind, null, RandomBytes(HugeMessageBytes), [], null),
            "huge prompt" => new KafkaCase(kind, null, KafkaMessageGen.Job(j => j["prompt"] = new string('p', HugeMessageBytes - 1024)), [], "prompt"),
            _ => new KafkaCase(kind, null, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"x\":", HugeMessageBytes / 5))), [], "depth"),
        };

        var sent = await KafkaTopic.ProduceRawAsync(fixture.BootstrapServers, topic, [(partition, huge.ToMessage())]);

        var source = $"{topic}/{sent[0].Partition.Value}@{sent[0].Offset.Value}";
        var letters = await Eventually.UntilAsync(
            () => Task.FromResult(InvalidMessageDeadLetters([source])),
            found => found.Count > 0,
            Patience,
            $"the {huge.Value!.Length}-byte message on the dead-letter topic");
        AssertDeadLetterOf(huge, Assert.Single(letters));

        var requestId = Guid.NewGuid().ToString();
        var prompt = $"behind the {kind}";
        var job = new KafkaCase("valid job", Encoding.UTF8.GetBytes(requestId),
            KafkaMessageGen.Job(j => { j["request_id"] = requestId; j["prompt"] = prompt; }), [], null);
        await KafkaTopic.ProduceRawAsync(fixture.BootstrapServers, topic, [(partition, job.ToMessage())]);
        var result = await Eventually.UntilAsync(
            () => fixture.Http.GetResultAsync(requestId),
            r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("status").GetString() == "succeeded",
            Patience,
            "the job behind the huge message to succeed");
        Assert.Equal(prompt, result.Body.GetProperty("output").GetString());
        await WaitUntilConsumedAsync();
    }

    private async Task RunBarrageAsync(KafkaCase[] invalid, (KafkaCase Message, string RequestId, string Prompt)[] valid)
    {
        var topic = fixture.Kafka.RequestTopic;
        var partitions = HostileInputFixture.Partitions;
        var bad = invalid.ToList();

        // The invalid messages first, spread over every partition, then valid jobs behind them on each.
        var sent = await KafkaTopic.ProduceRawAsync(fixture.BootstrapServers, topic,
        [
            .. bad.Select((m, i) => (i % partitions, m.ToMessage())),
            .. valid.Select((v, i) => (i % partitions, v.Message.ToMessage())),
        ]);
        var sources = bad.Select((m, i) => (Message: m, Source: $"{topic}/{sent[i].Partition.Value}@{sent[i].Offset.Value}")).ToList();

        foreach (var (_, requestId, prompt) in valid)
        {
            var result = await Eventually.UntilAsync(
                () => fixture.Http.GetResultAsync(requestId),
                r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("status").GetString() == "succeeded",
                Patience,
                $"valid job {requestId} behind the invalid messages to succeed");
            Assert.Equal(prompt, result.Body.GetProperty("output").GetString());
        }

        var wanted = sources.Select(s => s.Source).ToHashSet();
        var deadLetters = await Eventually.UntilAsync(
            () => Task.FromResult(InvalidMessageDeadLetters(wanted)),
            found => found.Select(d => d.GetProperty("source").GetString()).Distinct().Count() == wanted.Count,
            Patience,
            $"all {wanted.Count} invalid messages on {fixture.Kafka.DlqTopic}");
        var bySource = deadLetters.GroupBy(d => d.GetProperty("source").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (message, source) in sources)
        {
            var letter = Assert.Single(bySource[source]);
            AssertDeadLetterOf(message, letter);
        }

        await WaitUntilConsumedAsync();
        await fixture.AssertStillServesAsync();
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Waits until the silos' group has committed every partition up to its current end (an empty one needs no commit).</summary>
    private Task WaitUntilConsumedAsync()
    {
        var topic = fixture.Kafka.RequestTopic;
        var ends = KafkaTopic.EndOffsets(fixture.BootstrapServers, topic);
        return Eventually.TrueAsync(
            () => Task.FromResult(KafkaTopic.CommittedOffsets(fixture.BootstrapServers, fixture.Kafka.GroupId, topic)
                .All(c => ends[c.Key] == 0 || c.Value >= ends[c.Key])),
            Patience,
            "the committed offsets of every partition to reach the end");
    }

    private List<JsonElement> InvalidMessageDeadLetters(HashSet<string> sources) =>
        [.. KafkaTopic.ReadAll(fixture.BootstrapServers, fixture.Kafka.DlqTopic)
            .Select(m => JsonDocument.Parse(m.Value).RootElement.Clone())
            .Where(d => d.GetProperty("reason").GetString() == "invalid_message"
                && d.TryGetProperty("source", out var source) && sources.Contains(source.GetString()!))];

    private static void AssertDeadLetterOf(KafkaCase message, JsonElement letter)
    {
        var value = message.Value ?? [];
        var kept = value[..Math.Min(value.Length, MaxRawPayloadBytes)];
        Assert.True(Convert.ToBase64String(kept) == letter.GetProperty("raw_payload_base64").GetString(), $"payload of {message}");
        Assert.Equal(value.Length > MaxRawPayloadBytes, letter.GetProperty("raw_payload_truncated").GetBoolean());
        Assert.Equal(RequestIdOfKey(message.Key), letter.GetProperty("request_id").GetString());
        var error = letter.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        if (message.Field is { } field)
        {
            Assert.True(error!.Contains(field, StringComparison.Ordinal), $"the error for {message.Kind} should name '{field}': {error}");
        }
    }

    private static string? RequestIdOfKey(byte[]? key)
    {
        if (key is not { Length: > 0 and <= 64 })
        {
            return null;
        }

        try
        {
            return Guid.TryParse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(key), out var id) ? id.ToString("D") : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
