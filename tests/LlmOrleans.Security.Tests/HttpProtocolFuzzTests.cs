using System.Text;
using CsCheck;
using LlmOrleans.Security.Tests.Generators;
using LlmOrleans.Testing;
using Xunit.Abstractions;

namespace LlmOrleans.Security.Tests;

/// <summary>
/// The gateway as a hostile client sees it over a bare socket: random request ids, headers, methods and
/// targets that <see cref="HttpClient"/> would refuse to send. The application answers with a
/// ProblemDetails error and never a 5xx; only Kestrel itself may refuse a request that is not valid
/// HTTP, with a bare 400 (or 431 for oversized headers) before the application sees it.
/// Replay a failure with its seed (see <see cref="Fuzz"/>).
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HttpProtocolFuzzTests(HostileInputFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly int[] ApplicationStatuses = [202, 400, 404, 405, 413, 415, 422];

    [Fact]
    public async Task Get_AnyRequestId_Answers400Or404ProblemNeverServerError()
    {
        await RequestIdGen.Any.SampleAsync(async id =>
        {
            var response = await SendAsync("GET", $"/result/{id.PathText}", []);

            if (id.Id is { } meant && Guid.TryParse(meant, out var guid))
            {
                Assert.Equal(404, response.Status);
                Assert.Contains(guid.ToString("D"), ProblemAssert.IsProblem(response).GetProperty("detail").GetString());
            }
            else if (id.IsPlain)
            {
                Assert.Equal(400, response.Status);
                Assert.Contains("request_id", ProblemAssert.IsProblem(response).GetProperty("detail").GetString());
            }
            else
            {
                AssertApplicationOrProtocolAnswer(response, mayBeProtocolError: true);
            }
        }, writeLine: output.WriteLine, iter: Fuzz.Cases(300), print: id => $"GET /result/{id.PathText}");

        await fixture.AssertStillServesAsync();
    }

    [Fact]
    public async Task Get_RequestIdLongerThanTheRequestLineLimit_AnswersUriTooLong()
    {
        var response = await SendAsync("GET", $"/result/{new string('a', 100_000)}", []);

        Assert.Equal(414, response.Status);
        await fixture.AssertStillServesAsync();
    }

    [Fact]
    public async Task Post_ValidJobWithAnyExtraHeaders_IsAcceptedOrRefusedNeverServerError()
    {
        var before = fixture.RequestTopicCount();
        var accepted = 0;

        await HeaderGen.Any.Array[0, 8].SampleAsync(async headers =>
        {
            var response = await SendAsync("POST", "/process", headers.Select(h => (h.Name, h.Value)), BodyBytesGen.ValidJob);

            if (headers.All(h => h.Harmless))
            {
                Assert.True(response.Status == 202, $"expected 202, got {Describe(response)}");
            }
            else
            {
                AssertApplicationOrProtocolAnswer(response, mayBeProtocolError: true);
            }

            if (response.Status == 202)
            {
                Interlocked.Increment(ref accepted);
            }
        }, writeLine: output.WriteLine, iter: Fuzz.Cases(300), print: headers => string.Join(" | ", headers.Select(h => h.Name.Length + h.Value.Length > 200 ? $"{h.Name}: ({h.Value.Length} chars)" : h.ToString())));

        Assert.Equal(before + accepted, fixture.RequestTopicCount());
        await fixture.AssertStillServesAsync();
    }

    [Fact]
    public async Task AnyMethodOnAnyTarget_AnswersWithAProblemNeverServerError()
    {
        var before = fixture.RequestTopicCount();
        var accepted = 0;

        await Gen.Select(RequestLineGen.Method, RequestLineGen.Target).SampleAsync(async (method, target) =>
        {
            var response = await SendAsync(method, target, [], BodyBytesGen.ValidJob);

            // Kestrel itself refuses the asterisk and absolute forms (for proxies) unless they fit, and a NUL in the path.
            var mayBeProtocolError = target == "*" || target.StartsWith("http", StringComparison.Ordinal) || target.Contains("%00");
            AssertApplicationOrProtocolAnswer(response, mayBeProtocolError, bodyless: method == "HEAD");
            if (response.Status == 202)
            {
                Interlocked.Increment(ref accepted);
            }
        }, writeLine: output.WriteLine, iter: Fuzz.Cases(300), print: request => $"{request.Item1} {request.Item2}");

        Assert.Equal(before + accepted, fixture.RequestTopicCount());
        await fixture.AssertStillServesAsync();
    }

    [Theory]
    [InlineData("{\"provider\":\"echo\",\"model\":\"m\",\"prompt\":\"p\"}\r\n")]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("-1\r\n{}\r\n0\r\n\r\n")]
    [InlineData("2\r\n{}XX0\r\n\r\n")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")]
    [InlineData("2\r\n{}\r\n0\r\nBad Trailer\r\n\r\n")]
    public async Task Post_MalformedChunkedBody_Answers4xxProblemNotServerError(string chunkedBody)
    {
        var before = fixture.RequestTopicCount();

        var response = await SendAsync("POST", "/process", [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")],
            Encoding.Latin1.GetBytes(chunkedBody), withLength: false);

        Assert.True(response.Status is 400 or 413, $"expected 400 or 413, got {Describe(response)}");
        var problem = ProblemAssert.IsProblem(response);
        if (response.Status == 400)
        {
            ProblemAssert.NamesField(problem, "body");
        }

        Assert.Equal(before, fixture.RequestTopicCount());
    }

    private async Task<RawHttpResponse> SendAsync(
        string method, string target, IEnumerable<(string Name, string Value)> extraHeaders, byte[]? body = null, bool withLength = true)
    {
        (string, string)[] headers =
        [
            ("Host", fixture.GatewayUrl.Authority),
            .. body is null || !withLength ? [] : new[] { ("Content-Type", "application/json"), ("Content-Length", body.Length.ToString()) },
            .. extraHeaders,
            ("Connection", "close"),
        ];
        return await RawHttp.SendAsync(fixture.GatewayUrl, [.. RawHttp.Head(method, target, headers), .. body ?? []], Patience);
    }

    /// <summary>
    /// Never a 5xx. An answer from the application is a 202, the root's redirect to the jobs page, or a
    /// ProblemDetails error; a bare answer with no body is Kestrel refusing a request that is not valid HTTP,
    /// which only <paramref name="mayBeProtocolError"/> requests may get.
    /// </summary>
    private static void AssertApplicationOrProtocolAnswer(RawHttpResponse response, bool mayBeProtocolError, bool bodyless = false)
    {
        Assert.True(response.Status < 500, $"server error: {Describe(response)}");
        if (response.Status == 302)
        {
            // "/" (also reached through dot segments such as /result/..) redirects to the jobs page.
            Assert.Equal("/ui", response.Headers.GetValueOrDefault("Location"));
            return;
        }

        if (bodyless || response.Status == 202)
        {
            Assert.Contains(response.Status, ApplicationStatuses);
            return;
        }

        if (response.MediaType is null && response.Body.Length == 0)
        {
            Assert.True(mayBeProtocolError, $"a bare answer to a valid request: {Describe(response)}");
            Assert.True(response.Status is 400 or 405 or 413 or 414 or 431, $"unexpected protocol error {Describe(response)}");
            return;
        }

        Assert.Contains(response.Status, ApplicationStatuses);
        ProblemAssert.IsProblem(response);
    }

    private static string Describe(RawHttpResponse response) =>
        $"{response.Status} {response.MediaType} {Encoding.UTF8.GetString(response.Body)}";
}
