using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Pilot.Shared.Secrets;

/// <summary>
/// Whether the app runs on a developer's machine, where development secrets are allowed. Fails closed: only when
/// the host environment is <c>Development</c> (Core Tools and the local runner set it; Azure's default is
/// Production) AND <c>WEBSITE_INSTANCE_ID</c> is unset (Azure sets it on every instance of an app). Anything
/// else, including no host environment at all, is not local development.
/// </summary>
public static class LocalDevelopment
{
    public const string AzureInstanceSetting = "WEBSITE_INSTANCE_ID";

    public static bool Is(IHostEnvironment? environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return environment is not null
            && environment.IsDevelopment()
            && string.IsNullOrEmpty(configuration[AzureInstanceSetting]);
    }
}
