namespace LlmOrleans.Gateway.Api;

/// <summary>Answer to an accepted <c>POST /process</c>: poll <c>GET /result/{request_id}</c>.</summary>
public sealed record ProcessAccepted(string RequestId);
