using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Security;
using LlmOrleans.Gateway.Ui;
using LlmOrleans.ServiceDefaults;

namespace LlmOrleans.Gateway.Extensions;

/// <summary>
/// The gateway host as a whole, used by <c>Program.cs</c> and by the in-process local run alike, so the
/// pipeline the tests run is the one that ships.
/// </summary>
public static class GatewayHost
{
    /// <summary>Shared defaults, the Orleans cluster client, API-key security, the job API's and the jobs page's services.</summary>
    public static WebApplicationBuilder AddGatewayHost(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddLlmClusterClient();
        builder.AddGatewaySecurity();
        builder.AddJobsApi();
        builder.AddJobsUi();
        return builder;
    }

    /// <summary>Problem details for every error, authentication and rate limits, health endpoints, the job API and the jobs page.</summary>
    public static WebApplication MapGatewayHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGatewaySecurity();
        app.MapDefaultEndpoints();
        app.MapJobsApi();
        app.MapJobsUi();
        return app;
    }
}
