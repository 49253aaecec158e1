using System.Collections.Concurrent;
using System.Text;
using CsCheck;
using LlmOrleans.Security.Tests.Generators;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Security.Tests;

/// <summary>
/// <c>POST /process</c> under generated bodies and content types, sized and chunked. Every answer is a
/// 202 or a ProblemDetails error naming what is wrong, never a 5xx; only accepted jobs reach Kafka, and
/// they run with the prompt exactly as sent. Replay a failure with its seed (see <see cref="Fuzz"/>).
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class PostBodyFuzzTests(HostileInputFixture fixture, ITestOutputHelper output)
{
    private static readonly HashSet<string> KnownProviders = new(["echo", "groq", "openai"], StringComparer.OrdinalIgnoreCase);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Post_AnyWellFormedJson_AnswersWhatTheFieldRulesSay()
    {
        var before = fixture.RequestTopicCount();
        var accepted = new ConcurrentBag<(string RequestId, string Prompt)>();
        var outcomes = new ConcurrentDictionary<string, int>();

        await Gen.Select(JobJsonGen.Body, Gen.Bool).SampleAsync(async (body, chunked) =>
        {
            var expected = ExpectedAnswer.For(body.Root, body.Members, KnownProviders);
            outcomes.AddOrUpdate(expected is ExpectedAnswer.Rejected r ? $"400 {r.Field}" : "202", 1, (_, n) => n + 1);

            var answer = await Http.PostAsync(Encoding.UTF8.GetBytes(body.Root.Text), chunked: chunked);

            switch (expected)
            {
                case ExpectedAnswer.Accepted job:
                    Assert.True(answer.Status == 202, $"expected 202, got {answer}");
                    accepted.Add((answer.AcceptedRequestId(), job.Prompt));
                    break;
                case ExpectedAnswer.Rejected rejected:
                    Assert.True(answer.Status == 400, $"expected 400 naming '{rejected.Field}', got {answer}");
                    ProblemAssert.NamesField(answer.Problem(), rejected.Field);
                    break;
            }
        }, writeLine: output.WriteLine, iter: Fuzz.Cases(400), print: c => $"{c.Item1.Root.Text} (chunked: {c.Item2})");

        output.WriteLine($"Expected answers: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}");
        Assert.Equal(before + accepted.Count, fixture.RequestTopicCount());
        foreach (var (requestId, prompt) in accepted)
        {
            var result = await Http.WaitForFinishAsync(requestId, TimeSpan.FromSeconds(60));
            Assert.Equal("succeeded", result.GetProperty("status").GetString());
            Assert.Equal(prompt, result.GetProperty("output").GetString());
        }

        await fixture.AssertStillServesAsync();
    }

    [Fact]
    public async Task Post_AnyBytes_AnswersAcceptedOrAProblemNeverServerError()
    {
        var before = fixture.RequestTopicCount();
        var accepted = 0;

        await Gen.Select(BodyBytesGen.Any, Gen.Bool).SampleAsync(async (body, chunked) =>
        {
            var answer = await Http.PostAsync(body, chunked: chunked);

            Assert.True(answer.Status is 202 or 400 or 413, $"unexpected {answer}");
            if (answer.Status == 202)
            {
                answer.AcceptedRequestId();
                Interlocked.Increment(ref accepted);
            }
            else if (answer.Status == 400)
            {
                ProblemAssert.NamesSomeField(answer.Problem());
            }
            else
            {
                answer.Problem();
            }
        }, writeLine: output.WriteLine, iter: Fuzz.Cases(400), print: c => $"{Convert.ToHexString(c.Item1)} (chunked: {c.Item2})");

        Assert.Equal(before + accepted, fixture.RequestTopicCount());
        await fixture.AssertStillServesAsync();
    }

    [Fact]
    public async Task Post_InvalidUtf8InAField_Returns400NamingThatField()
    {
        var before = fixture.RequestTopicCount();

        await Gen.Select(Gen.OneOf(JobJsonGen.JobFields), BodyBytesGen.InvalidUtf8, Gen.String[Gen.Char['a', 'z'], 0, 5], Gen.String[Gen.Char['a', 'z'], 0, 5])
            .SampleAsync(async (field, bad, prefix, suffix) =>
            {
                var answer = await Http.PostAsync(BodyBytesGen.WithInvalidUtf8In(field, bad, prefix, suffix));

                Assert.True(answer.Status == 400, $"expected 400, got {answer}");
                ProblemAssert.NamesField(answer.Problem(), field);
            }, writeLine: output.WriteLine, iter: Fuzz.Cases(200), print: c => $"{c.Item1}: {Convert.ToHexString(c.Item2)} between '{c.Item3}' and '{c.Item4}'");

        Assert.Equal(before, fixture.RequestTopicCount());
    }

    [Theory]
    [InlineData("[", "]", "body")]
    [InlineData("{\"a\":", "}", "a")]
    [InlineData("[", "", "body")]
    [InlineData("{\"prompt\":", "", "prompt")]
    public async Task Post_JsonNestedTenThousandLevelsDeep_Returns400NamingWhereItIsTooDeep(string open, string close, string field)
    {
        const int Depth = 10_000;
        var prefix = open.StartsWith("{\"prompt\"", StringComparison.Ordinal) ? "{\"provider\":\"echo\",\"model\":\"m\",\"prompt\":" : "";
        var levels = open.StartsWith("{\"prompt\"", StringComparison.Ordinal) ? "[" : open;
        var body = prefix + string.Concat(Enumerable.Repeat(levels, Depth)) + string.Concat(Enumerable.Repeat(close, Depth));
        var before = fixture.RequestTopicCount();

        var answer = await Http.PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.True(answer.Status == 400, $"expected 400, got {answer}");
        ProblemAssert.NamesField(answer.Problem(), field);
        Assert.Equal(before, fixture.RequestTopicCount());
    }

    [Fact]
    public async Task Post_AnyContentType_AcceptsJsonTypesAndAnswers415ToTheRest()
    {
        var json = Gen.OneOf("application/json", "application/json; charset=utf-8", "Application/JSON", "application/vnd.api+json",
            "application/problem+json", "application/json;charset=\"utf-16\"", "application/json ; foo=bar");
        var notJson = Gen.OneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonp", "application/json-seq", "text/json", "json", "application/", "/json", "*/*", "application/*", "");
        var contentTypes = Gen.Frequency(
            (3, json.Select(t => (Type: (string?)t, Json: (bool?)true))),
            (3, notJson.Select(t => (Type: (string?)t, Json: (bool?)false))),
            (2, Gen.String[Gen.Char[' ', '~'], 0, 60].Select(t => (Type: (string?)t, Json: (bool?)null))),
            (1, Gen.Const((Type: (string?)null, Json: (bool?)false))));
        var before = fixture.RequestTopicCount();
        var accepted = 0;

        await contentTypes.SampleAsync(async contentType =>
        {
            var answer = await Http.PostAsync(BodyBytesGen.ValidJob, contentType.Type);

            Assert.True(answer.Status is 202 or 415, $"unexpected {answer}");
            if (contentType.Json is { } isJson)
            {
                Assert.Equal(isJson ? 202 : 415, answer.Status);
            }

            if (answer.Status == 202)
            {
                answer.AcceptedRequestId();
                Interlocked.Increment(ref accepted);
            }
            else
            {
                answer.Problem();
            }
        }, writeLine: output.WriteLine, iter: Fuzz.Cases(200), print: c => $"Content-Type: {c.Type ?? "(none)"}");

        Assert.Equal(before + accepted, fixture.RequestTopicCount());
        await fixture.AssertStillServesAsync();
    }
}
