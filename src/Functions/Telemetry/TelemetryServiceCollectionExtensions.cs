using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pilot.Functions.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Sends the worker's logs, traces and dependencies to Application Insights when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (in Azure, by the Bicep), authenticating with the
    /// managed identity named in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> because the resource
    /// refuses keys. Without a connection string (local runs, tests) it adds nothing.
    /// </summary>
    public static IServiceCollection AddPilotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            return services;
        }

        // Pilot's volume is small and its alerts count single events (a poison message): keep every one.
        services.AddApplicationInsightsTelemetryWorkerService(o => o.EnableAdaptiveSampling = false);
        services.ConfigureFunctionsApplicationInsights();
        services.AddSingleton<ITelemetryInitializer, ChoiceLinkTelemetryInitializer>();
        if (ApplicationInsightsAuthentication.ManagedIdentityClientId(configuration[AuthenticationSetting]) is { } clientId)
        {
            services.Configure<TelemetryConfiguration>(c =>
                c.SetAzureTokenCredential(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))));
        }

        // The worker's Application Insights logger keeps only warnings unless this default rule goes; the
        // SMS failure-rate alert counts Information events (SmsOutcomeLog). host.json's levels still apply.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        return services;
    }
}
