using System.Net;
using CsCheck;
using Xunit.Abstractions;

namespace LlmOrleans.Auth.Tests;

/// <summary>
/// Whatever a client puts where a key goes, it is 401 with a problem body, never another key's access and
/// never a 5xx. Replay a failure with <c>CsCheck_Seed=&lt;seed&gt;</c>.
/// </summary>
[Collection(SecuredPipelineCollection.Name)]
public sealed class PresentedKeyFuzzTests(SecuredPipelineFixture pipeline, ITestOutputHelper output)
{
    private static readonly Gen<string> Printable = Gen.String[Gen.Char[' ', '~'], 0, 300];

    private static readonly Gen<string> NearAKey = Gen.OneOf(
        Printable,
        Gen.Const(TestKeys.Alice).Select(Gen.Int[0, 60], (key, cut) => key[..Math.Min(cut, key.Length)]),
        Gen.Const(TestKeys.Alice).Select(Printable, (key, tail) => key + tail),
        Gen.Const(TestKeys.Alice.ToUpperInvariant()),
        Gen.String[Gen.Char["0123456789abcdef"], 64, 64]);

    [Fact]
    public async Task AnyPresentedKey_ThatIsNotOne_Is401()
    {
        using var http = pipeline.Client(null);

        await Gen.Select(NearAKey, Gen.Bool).SampleAsync(async (key, asBearer) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/result/{Guid.NewGuid()}");
            request.Headers.TryAddWithoutValidation(asBearer ? "Authorization" : "X-API-Key", asBearer ? $"Bearer {key}" : key);

            using var response = await http.SendAsync(request);

            if (key.Trim() != TestKeys.Alice)
            {
                await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.Unauthorized, "authorization");
            }
        }, writeLine: output.WriteLine, iter: 300, print: t => $"{(t.Item2 ? "Bearer" : "X-API-Key")} '{t.Item1}'");
    }
}
