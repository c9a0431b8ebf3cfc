using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Functions.Http;
using Pilot.Shared;

namespace Pilot.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The app's services and what the HTTP functions need on top (the access gate); the Functions host and the local runner both call it.</summary>
    public static IServiceCollection AddPilotFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPilot(configuration);
        services.AddSingleton<AccessGate>();
        services.AddSingleton<PageGate>();
        return services;
    }
}
