using LlmOrleans.Grains.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOrleans.Providers.Tests;

/// <summary>Builds the provider services the way a host does, from flat settings.</summary>
internal static class TestServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? timeProvider = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        return services.AddLlmProviders(configuration).BuildServiceProvider();
    }

    public static ILlmClientRegistry Registry(this ServiceProvider services) =>
        services.GetRequiredService<ILlmClientRegistry>();
}
