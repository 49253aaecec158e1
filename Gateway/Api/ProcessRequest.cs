namespace LlmOrleans.Gateway.Api;

/// <summary>Body of <c>POST /process</c>.</summary>
public sealed record ProcessRequest(string? Provider, string? Model, string? Prompt);
