using Microsoft.Extensions.Configuration;

namespace Pilot.LocalRunner.Configuration;

/// <summary>The storage account a trigger's <c>Connection</c> names, found the way the host finds it.</summary>
internal sealed record StorageConnection(string SettingName, string ConnectionString, bool IsDevelopmentDefault)
{
    public const string DefaultSettingName = "AzureWebJobsStorage";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private const string HostPrefix = "AzureWebJobs";

    /// <returns>The connection, or null after adding a problem.</returns>
    public static StorageConnection? Resolve(IConfiguration configuration, string? connection, string functionName, ICollection<string> problems)
    {
        var settingName = string.IsNullOrWhiteSpace(connection) ? DefaultSettingName : connection;

        // The host tries "AzureWebJobs{Name}" before "{Name}", each as a connection string or a plain setting.
        string[] candidates = settingName.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase)
            ? [settingName]
            : [HostPrefix + settingName, settingName];
        foreach (var candidate in candidates)
        {
            var value = configuration.GetConnectionString(candidate) ?? configuration[candidate];
            if (!string.IsNullOrWhiteSpace(value))
            {
                return new StorageConnection(candidate, value, IsDevelopmentDefault: false);
            }
        }

        if (candidates.Any(c => configuration.GetSection(c).GetChildren().Any()))
        {
            problems.Add(
                $"Function '{functionName}': the connection '{settingName}' is configured by identity (section settings such as '{settingName}__queueServiceUri'); " +
                $"the local runner needs a connection string in '{settingName}'.");
            return null;
        }

        return new StorageConnection(settingName, DevelopmentStorage, IsDevelopmentDefault: true);
    }
}
