using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Security;
using LlmOrleans.ServiceDefaults;

namespace LlmOrleans.Gateway.Extensions;

/// <summary>
/// The gateway host as a whole, used by <c>Program.cs</c> and by the in-process local run alike, so the
/// pipeline the tests run is the one that ships.
/// </summary>
public static class GatewayHost
{
    /// <summary>Shared defaults, the Orleans cluster client, API-key security and the job API's services.</summary>
    public static WebApplicationBuilder AddGatewayHost(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddLlmClusterClient();
        builder.AddGatewaySecurity();
        builder.AddJobsApi();
        return builder;
    }

    /// <summary>Problem details for every error, authentication and rate limits, health endpoints and the job API.</summary>
    public static WebApplication MapGatewayHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGatewaySecurity();
        app.MapDefaultEndpoints();
        app.MapJobsApi();
        return app;
    }
}
