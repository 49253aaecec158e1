namespace LlmOrleans.Gateway.Security;

/// <summary>Reads the authenticated <see cref="Caller"/> off a request.</summary>
public static class CallerExtensions
{
    /// <summary>The caller the authentication handler found, or null for an unauthenticated request.</summary>
    public static Caller? GetCaller(this HttpContext context) =>
        context.Items.TryGetValue(typeof(Caller), out var caller) ? caller as Caller : null;

    internal static void SetCaller(this HttpContext context, Caller caller) => context.Items[typeof(Caller)] = caller;
}
