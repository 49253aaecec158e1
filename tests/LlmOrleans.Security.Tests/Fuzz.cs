namespace LlmOrleans.Security.Tests;

/// <summary>
/// How many generated cases each property runs. Every case comes from a seed, and a failing property
/// reports the seed of its smallest failing case (<c>Set seed: "…"</c>). To replay it:
/// <c>CsCheck_Seed=&lt;seed&gt; dotnet test tests/LlmOrleans.Security.Tests --filter &lt;TestName&gt;</c>.
/// For a longer fuzzing session set <c>CsCheck_Iter=&lt;cases&gt;</c>.
/// </summary>
public static class Fuzz
{
    /// <summary><paramref name="cases"/>, unless <c>CsCheck_Iter</c> asks for another number.</summary>
    public static long Cases(long cases) =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var wanted) ? wanted : cases;
}
