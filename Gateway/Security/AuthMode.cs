namespace LlmOrleans.Gateway.Security;

/// <summary>How the gateway authenticates callers (<c>AUTH_MODE</c>).</summary>
public enum AuthMode
{
    /// <summary>Every API call needs a configured API key (the default).</summary>
    ApiKeys,

    /// <summary>No authentication: for a local run on a trusted machine only.</summary>
    None,
}
