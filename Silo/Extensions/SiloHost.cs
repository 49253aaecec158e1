using LlmOrleans.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Orleans.Dashboard;

namespace LlmOrleans.Silo.Extensions;

/// <summary>
/// The silo host as a whole, used by <c>Program.cs</c> and by the in-process local run alike, so the
/// pipeline the tests run is the one that ships.
/// </summary>
public static class SiloHost
{
    /// <summary>Shared defaults, the Orleans silo with the job grains, its job stats, and the Kafka side.</summary>
    public static WebApplicationBuilder AddSiloHost(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddLlmSilo();
        builder.AddSiloStats();
        builder.AddKafkaJobIngestion();
        return builder;
    }

    /// <summary>Health endpoints and the Orleans dashboard at <c>/dashboard</c>.</summary>
    public static WebApplication MapSiloHost(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapOrleansDashboard("/dashboard");
        return app;
    }
}
