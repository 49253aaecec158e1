using CsCheck;

namespace LlmOrleans.Security.Tests.Generators;

/// <summary>Methods and request targets of every kind: known routes with the wrong method, near-misses, odd target forms.</summary>
public static class RequestLineGen
{
    public static readonly Gen<string> Method = Gen.Frequency(
        (4, Gen.OneOf("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "get", "Post")),
        (1, Gen.String[Gen.Char['A', 'Z'], 1, 12]));

    public static readonly Gen<string> Target = Gen.Frequency(
        (4, Gen.OneOf("/process", "/process/", "/PROCESS", "//process", "/process?x=1&x=2", "/process/..", "/./process", "/processx",
            "/", "/result", "/result/", "/result//", "/results/x", "/result/x/y", "/result/%2e%2e/process", "*", "http://localhost/process")),
        (2, Gen.Guid.Select(id => $"/result/{id}")),
        (1, TextGen.Any(20).Select(p => "/" + Uri.EscapeDataString(p))));
}
