using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Secrets;

/// <summary>Nothing to configure: the options type the start-up check of <see cref="SecretSettings.All"/> hangs on (ValidateOnStart).</summary>
public sealed class SecretSettingsCheck;

/// <summary>
/// Runs <see cref="SecretCheck"/> when the host starts (both hosts start through <c>IHost.StartAsync</c>, which runs
/// every ValidateOnStart check), so a bad secret stops the app before it serves anything, with every problem named.
/// </summary>
public sealed class SecretSettingsValidation(IConfiguration configuration, IHostEnvironment? environment = null) : IValidateOptions<SecretSettingsCheck>
{
    public ValidateOptionsResult Validate(string? name, SecretSettingsCheck options)
    {
        var problems = SecretCheck.Problems(configuration, SecretSettings.All, LocalDevelopment.Is(environment, configuration), DevelopmentSecrets.KnownValues);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
