namespace Pilot.Shared.Letters.Notify;

/// <summary>Settings under <c>Letters:Notify:</c>. An API key turns GOV.UK Notify on for letters.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Letters:Notify";

    /// <summary>A Notify API key, <c>{key name}-{service id}-{secret}</c>; a secret: never in the repository.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Only changed to reach a simulator.</summary>
    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";

    /// <summary>One request's timeout (a 2 MB PDF is about 2.7 MB of JSON).</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
