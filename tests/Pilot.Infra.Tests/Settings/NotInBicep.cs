namespace Pilot.Infra.Tests.Settings;

/// <summary>
/// The only settings the code reads that the Function App must NOT get from Bicep, each with why. Kept
/// short on purpose; <see cref="AppSettingsTests"/> checks every entry still exists in the code, so it cannot rot.
/// </summary>
public static class NotInBicep
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // TwilioOptions.PublicBaseUrl is overwritten from Sms:PublicBaseUrl (AddSmsGateways' PostConfigure);
        // setting it on its own would do nothing.
        ["Sms:Twilio:PublicBaseUrl"] = "derived from Sms:PublicBaseUrl",
    };

    /// <summary>
    /// App settings the platform or the Functions host reads rather than Pilot's options: allowed in the
    /// Bicep although no options class declares them.
    /// </summary>
    public static readonly IReadOnlySet<string> PlatformSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    };
}
