using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Whose each key is (<c>Access:</c> settings), checked when the app starts.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessKeyOptions>().BindConfiguration(AccessKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessKeyOptions>, AccessKeyValidation>();
        services.AddSingleton<CallerCredentials>();
        return services;
    }
}
