using Microsoft.Extensions.Configuration;

namespace Pilot.Shared.Storage;

/// <summary>
/// How the app reaches its storage account, read from <c>AzureWebJobsStorage</c> the way the Functions host
/// reads it: a connection string; or, with none, the identity form (<c>AzureWebJobsStorage__blobServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, or just <c>__accountName</c>) with an optional
/// <c>__clientId</c> naming the user-assigned identity; or, with nothing set, the local storage emulator.
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? QueueServiceUri, Uri? TableServiceUri, string? ClientId)
{
    public const string Setting = "AzureWebJobsStorage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>True when the clients authenticate with an Entra identity (DefaultAzureCredential), not a key.</summary>
    public bool UsesIdentity => ConnectionString is null;

    public static StorageConnection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is { Length: > 0 } connectionString && !string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageConnection(connectionString, null, null, null, null);
        }

        var section = configuration.GetSection(Setting);
        var accountName = Value(section, "accountName");
        Uri? Endpoint(string service) =>
            Value(section, $"{service}ServiceUri") is { } uri ? new Uri(uri)
            : accountName is null ? null
            : new Uri($"https://{accountName}.{service}.core.windows.net");

        var blob = Endpoint("blob");
        var queue = Endpoint("queue");
        var table = Endpoint("table");
        if (blob is null && queue is null && table is null)
        {
            return new StorageConnection(DevelopmentStorage, null, null, null, null);
        }

        // A partial identity form would silently send some data to the emulator: refuse it at start instead.
        var missing = new[] { ("blobServiceUri", blob), ("queueServiceUri", queue), ("tableServiceUri", table) }
            .Where(e => e.Item2 is null)
            .Select(e => $"{Setting}__{e.Item1}")
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Storage is configured by identity but {string.Join(" and ", missing)} is not set: give all three service URIs, or {Setting}__accountName, or a connection string in {Setting}.");
        }

        return new StorageConnection(null, blob, queue, table, Value(section, "clientId"));
    }

    private static string? Value(IConfigurationSection section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
