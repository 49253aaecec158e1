using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOrleans.Bench.Targets;

/// <summary>Where a started host actually listens (it was told port 0).</summary>
public static class ServerAddress
{
    public static Uri Of(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The host reports no address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
