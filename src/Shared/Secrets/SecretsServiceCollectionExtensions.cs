using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// The start-up check of every secret setting (<see cref="SecretSettings.All"/>): the host refuses to start,
    /// naming each setting, when one is missing, an unresolved Key Vault reference, or a development value outside
    /// local development. Called by <see cref="PilotServiceCollectionExtensions.AddPilot"/>, so both hosts get it.
    /// </summary>
    public static IServiceCollection AddSecretChecks(this IServiceCollection services)
    {
        services.AddOptions<SecretSettingsCheck>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretSettingsCheck>, SecretSettingsValidation>();
        return services;
    }
}
